/**
 * A tiny inline script for the top of <body>: when the address names a view (`?step=45&lens=…`), it marks
 * <html data-view-pending> before the first paint. widget.css then keeps a widget that has not mounted
 * yet (`data-ready="false"`, i.e. the static HTML at its opening step) invisible in its place, so the
 * linked step is the first one anyone sees, and nothing moves when it appears. Without JavaScript the
 * script never runs and nothing is hidden. If the page's scripts fail, the mark goes 3 s after the page
 * has loaded (a fixed delay from the start would cut in on a slow machine still hydrating).
 * @module
 */
import { URL_VIEW_KEYS } from '../../../lib/viz/url-view';

const names = URL_VIEW_KEYS.join('|');

export const markViewPending = `(function(){try{if(!/[?&](${names})=/.test(location.search))return;var d=document.documentElement;d.setAttribute("data-view-pending","");addEventListener("load",function(){setTimeout(function(){d.removeAttribute("data-view-pending")},3000)})}catch(e){}})();`;

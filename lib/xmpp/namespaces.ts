/** XML namespaces of RFC 6120/6121 and the XEPs in use, one constant each, named as the specs name them. @module */
export const NS_CLIENT = 'jabber:client';
export const NS_SERVER = 'jabber:server';
export const NS_STREAM = 'http://etherx.jabber.org/streams';
export const NS_STREAMS_ERRORS = 'urn:ietf:params:xml:ns:xmpp-streams';
export const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
export const NS_TLS = 'urn:ietf:params:xml:ns:xmpp-tls';
export const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';
export const NS_BIND = 'urn:ietf:params:xml:ns:xmpp-bind';
export const NS_ROSTER = 'jabber:iq:roster';
export const NS_DELAY = 'urn:xmpp:delay';
/** XEP-0220 dialback elements (`db:` prefix) and its stream feature. */
export const NS_DIALBACK = 'jabber:server:dialback';
export const NS_DIALBACK_FEATURE = 'urn:xmpp:features:dialback';
/** XEP-0030 service discovery. */
export const NS_DISCO_INFO = 'http://jabber.org/protocol/disco#info';
export const NS_DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
/** XEP-0199 XMPP ping. */
export const NS_PING = 'urn:xmpp:ping';
/** XEP-0160 offline messages, as the feature a server announces in disco#info. */
export const NS_OFFLINE = 'msgoffline';
/** XEP-0045 multi-user chat: joining (`muc`), occupants' presence (`#user`), moderators and admins (`#admin`), owners (`#owner`). */
export const NS_MUC = 'http://jabber.org/protocol/muc';
export const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
export const NS_MUC_ADMIN = 'http://jabber.org/protocol/muc#admin';
export const NS_MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
/** XEP-0004 data forms (the room configuration form). */
export const NS_DATA = 'jabber:x:data';

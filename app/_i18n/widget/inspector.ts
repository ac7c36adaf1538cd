/** The scenario widget's strings for the Inspector: its tabs XML, Layers, Hex, State and Events, and the layer names; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const inspectorStrings = {
  layerTcp: {
    en: 'TCP',
    de: 'TCP',
  },
  layerTls: {
    en: 'TLS',
    de: 'TLS',
  },
  layerXml: {
    en: 'XML',
    de: 'XML',
  },
  layerSasl: {
    en: 'SASL',
    de: 'SASL',
  },
  layerOtr: {
    en: 'OTR',
    de: 'OTR',
  },
  layerPlaintext: {
    en: 'Plaintext',
    de: 'Klartext',
  },
  inspector: {
    en: 'Inspector',
    de: 'Inspektor',
  },
  tabXml: {
    en: 'XML',
    de: 'XML',
  },
  tabLayers: {
    en: 'Layers',
    de: 'Schichten',
  },
  tabHex: {
    en: 'Hex',
    de: 'Hex',
  },
  tabState: {
    en: 'State',
    de: 'Zustand',
  },
  tabEvents: {
    en: 'Events',
    de: 'Ereignisse',
  },
  panelFailed: {
    en: 'This tab cannot be shown: the engine reported an error. The other tabs still work. The error: {message}',
    de: 'Dieser Reiter lässt sich nicht anzeigen: Die Engine hat einen Fehler gemeldet. Die anderen Reiter funktionieren weiter. Der Fehler: {message}',
  },
  inspectStart: {
    en: 'Step 0 is the moment before anything happens. Step forward to see the bytes that cross each link.',
    de: 'Schritt 0 ist der Moment, bevor irgendetwas passiert. Mit dem nächsten Schritt erscheinen die Bytes, die über die Leitungen gehen.',
  },
  inspectLocal: {
    en: 'At step {step}, {node} acts on its own: no bytes cross a link. The next steps show what it sends.',
    de: 'In Schritt {step} handelt {node} für sich: Es gehen keine Bytes über eine Leitung. Die nächsten Schritte zeigen, was gesendet wird.',
  },
  inspectWire: {
    en: 'Step {step} · {from} → {to} · {bytes} bytes · sent at {sent} ms, arrives at {time} ms',
    de: 'Schritt {step} · {from} → {to} · {bytes} Bytes · gesendet bei {sent} ms, Ankunft bei {time} ms',
  },
  notXml: {
    en: 'These bytes are not readable XML text. See the Hex tab.',
    de: 'Diese Bytes sind kein lesbarer XML-Text. Siehe den Reiter Hex.',
  },
  layerRange: {
    en: 'bytes {start}–{end} ({n} B)',
    de: 'Bytes {start}–{end} ({n} B)',
  },
  layerKey: {
    en: 'needs the key “{key}”',
    de: 'braucht den Schlüssel „{key}“',
  },
  layerOpen: {
    en: 'readable by anyone who sees the bytes',
    de: 'für jeden lesbar, der die Bytes sieht',
  },
  noLayers: {
    en: 'No layers were recorded for this step.',
    de: 'Für diesen Schritt wurden keine Schichten aufgezeichnet.',
  },
  hexBytes: {
    en: '{n} bytes, 16 per line',
    de: '{n} Bytes, 16 pro Zeile',
  },
  hexOffset: {
    en: 'Offset',
    de: 'Offset',
  },
  hexText: {
    en: 'Text',
    de: 'Text',
  },
  stateNode: {
    en: 'Node',
    de: 'Knoten',
  },
  stateAfter: {
    en: 'State of {node} after step {step}',
    de: 'Zustand von {node} nach Schritt {step}',
  },
  stateInitial: {
    en: 'State of {node} before the first event',
    de: 'Zustand von {node} vor dem ersten Ereignis',
  },
  stateEmpty: {
    en: 'No state recorded for this node.',
    de: 'Für diesen Knoten ist kein Zustand aufgezeichnet.',
  },
  expand: {
    en: 'Expand',
    de: 'Aufklappen',
  },
  collapse: {
    en: 'Collapse',
    de: 'Zuklappen',
  },
  eventsCaption: {
    en: 'Every event of this scenario, in order (the table version of the diagrams)',
    de: 'Alle Ereignisse dieses Szenarios der Reihe nach (die Tabellenfassung der Diagramme)',
  },
  colStep: {
    en: 'Step',
    de: 'Schritt',
  },
  colTime: {
    en: 'Time',
    de: 'Zeit',
  },
  colFrom: {
    en: 'From',
    de: 'Von',
  },
  colTo: {
    en: 'To',
    de: 'An',
  },
  colWhat: {
    en: 'What',
    de: 'Was',
  },
  goToStep: {
    en: 'Go to step {step}',
    de: 'Zu Schritt {step}',
  },
  stateLensNone: {
    en: 'Seen by {who}: this tab shows what a machine holds in memory, and {who} is none of them, so it sees none of it.',
    de: 'Aus Sicht von {who}: Dieser Reiter zeigt, was ein Rechner im Speicher hält; {who} ist keiner davon und sieht daher nichts davon.',
  },
  markedLayer: {
    en: 'marked above: {label}',
    de: 'oben markiert: {label}',
  },
  base64Decoded: {
    en: 'base64, decoded by anyone:',
    de: 'Base64, von jedem dekodierbar:',
  },
  encrypted: {
    en: 'On this link the bytes are a TLS record: ciphertext. Only the two ends, holding the key “{key}”, read the {what} inside. The Layers tab shows where it sits; the Hex tab shows what an eavesdropper sees.',
    de: 'Auf dieser Leitung sind die Bytes ein TLS-Record: Geheimtext. Nur die beiden Enden mit dem Schlüssel „{key}“ lesen das {what} darin. Der Reiter Schichten zeigt, wo es liegt; der Reiter Hex zeigt, was ein Lauscher sieht.',
  },
} satisfies BilingualTable;

/** The scenario widget's strings for the widget frame (title, errors, view and presenter switches, footnote) and the list of scenarios; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const scenarioStrings = {
  region: {
    en: 'Scenario: {title}',
    de: 'Szenario: {title}',
  },
  unknownTitle: {
    en: 'Scenario not found',
    de: 'Szenario nicht gefunden',
  },
  unknownBody: {
    en: 'There is no scenario called “{id}”. Check the name, or choose one from the list of scenarios.',
    de: 'Es gibt kein Szenario namens „{id}“. Bitte den Namen prüfen oder eines aus der Liste der Szenarien wählen.',
  },
  failedTitle: {
    en: 'The simulation stopped',
    de: 'Die Simulation wurde abgebrochen',
  },
  failedBody: {
    en: 'The scenario “{id}” could not be simulated: {message}',
    de: 'Das Szenario „{id}“ ließ sich nicht simulieren: {message}',
  },
  crashedTitle: {
    en: 'This widget stopped',
    de: 'Dieses Widget wurde angehalten',
  },
  crashedBody: {
    en: 'Showing the scenario “{id}” failed. This is a bug in the site, not in your browser: {message}',
    de: 'Beim Anzeigen des Szenarios „{id}“ ist ein Fehler aufgetreten – ein Fehler der Website, nicht Ihres Browsers: {message}',
  },
  allScenarios: {
    en: 'All scenarios',
    de: 'Alle Szenarien',
  },
  presenterEnter: {
    en: 'Presenter mode',
    de: 'Präsentationsmodus',
  },
  // Short, so that the presenter header's tools fit one row on a 1280 px projector.
  presenterExit: {
    en: 'Leave (Esc)',
    de: 'Beenden (Esc)',
  },
  viewLabel: {
    en: 'Show',
    de: 'Ansicht',
  },
  viewBoth: {
    en: 'Network and sequence',
    de: 'Netz und Ablauf',
  },
  viewNetwork: {
    en: 'Network only',
    de: 'Nur Netz',
  },
  viewSequence: {
    en: 'Sequence only',
    de: 'Nur Ablauf',
  },
  seedNote: {
    en: 'Simulated with seed {seed}: every run shows exactly the same bytes.',
    de: 'Simuliert mit Seed {seed}: Jeder Durchlauf zeigt genau dieselben Bytes.',
  },
  captureDownload: {
    en: 'Download capture (.pcapng)',
    de: 'Mitschnitt herunterladen (.pcapng)',
  },
  captureTitle: {
    en: 'These bytes as a capture for Wireshark: one TCP stream per connection, the TLS keys inside, so Wireshark opens the encrypted parts too',
    de: 'Diese Bytes als Mitschnitt für Wireshark: jede Verbindung ein eigener TCP-Strom, die TLS-Schlüssel gleich dabei – so öffnet Wireshark auch die verschlüsselten Teile',
  },
  loadingWidget: {
    en: 'Loading the simulation…',
    de: 'Die Simulation wird geladen …',
  },
  needsJs: {
    en: 'This picture shows the opening step. To step through the scenario, the widget needs JavaScript.',
    de: 'Das Bild zeigt den ersten Schritt. Um das Szenario Schritt für Schritt abzuspielen, braucht das Widget JavaScript.',
  },
  keysHint: {
    en: 'Click the diagram or press Tab to use ←/→ (step) and Space (play/pause).',
    de: 'Zum Steuern ins Diagramm klicken oder mit Tab hineinspringen: ←/→ gehen schrittweise, die Leertaste spielt ab und hält an.',
  },
  keysHelp: {
    en: 'Keys: ← → step · [ ] or PageUp/PageDown chapter (in presenter mode PageUp/PageDown step, as a clicker does) · Space play/pause · Home/End first/last',
    de: 'Tasten: ← → Schritt · [ ] oder Bild↑/Bild↓ Kapitel (im Präsentationsmodus schalten Bild↑/Bild↓ schrittweise, wie ein Presenter) · Leertaste Abspielen/Anhalten · Pos1/Ende erster/letzter',
  },
  truncated: {
    en: 'The simulation was stopped after {n} events.',
    de: 'Die Simulation wurde nach {n} Ereignissen angehalten.',
  },
  listTitle: {
    en: 'Scenarios',
    de: 'Szenarien',
  },
  listLead: {
    en: 'Each scenario is a small network of XMPP servers and clients, simulated in your browser. Open one and step through it event by event, with the real bytes on every link.',
    de: 'Jedes Szenario ist ein kleines Netz aus XMPP-Servern und -Clients, simuliert im Browser. Öffnen Sie eines und gehen Sie es Ereignis für Ereignis durch, mit den echten Bytes auf jeder Leitung.',
  },
  listOpen: {
    en: 'Open the scenario “{title}”',
    de: 'Szenario „{title}“ öffnen',
  },
  listSteps: {
    en: '{n} steps',
    de: '{n} Schritte',
  },
  backToList: {
    en: 'All scenarios',
    de: 'Alle Szenarien',
  },
} satisfies BilingualTable;

/** Every string of the scenario widget (network, sequence, inspector, timeline), in English and German. @module */
import { fill, type Dictionary, type Locale } from './locales';

export type WidgetKey =
  | 'region'
  | 'unknownTitle'
  | 'unknownBody'
  | 'failedTitle'
  | 'failedBody'
  | 'allScenarios'
  | 'presenterEnter'
  | 'presenterExit'
  | 'viewLabel'
  | 'viewBoth'
  | 'viewNetwork'
  | 'viewSequence'
  | 'seedNote'
  | 'keysHelp'
  | 'truncated'
  | 'networkTitle'
  | 'networkDesc'
  | 'networkPacket'
  | 'networkLocal'
  | 'networkIdle'
  | 'domain'
  | 'tapped'
  | 'sequenceTitle'
  | 'sequenceDesc'
  | 'sequenceBreak'
  | 'sequenceArrow'
  | 'actConnect'
  | 'actSendMessage'
  | 'actDisconnect'
  | 'actTimer'
  | 'layerTcp'
  | 'layerTls'
  | 'layerXml'
  | 'layerSasl'
  | 'layerOtr'
  | 'layerPlaintext'
  | 'inspector'
  | 'tabXml'
  | 'tabLayers'
  | 'tabHex'
  | 'tabState'
  | 'tabEvents'
  | 'inspectStart'
  | 'inspectLocal'
  | 'inspectWire'
  | 'notXml'
  | 'layerRange'
  | 'layerKey'
  | 'layerOpen'
  | 'noLayers'
  | 'hexBytes'
  | 'hexOffset'
  | 'hexText'
  | 'stateNode'
  | 'stateAfter'
  | 'stateInitial'
  | 'stateEmpty'
  | 'expand'
  | 'collapse'
  | 'eventsCaption'
  | 'colStep'
  | 'colTime'
  | 'colFrom'
  | 'colTo'
  | 'colWhat'
  | 'goToStep'
  | 'timeline'
  | 'first'
  | 'back'
  | 'play'
  | 'pause'
  | 'forward'
  | 'last'
  | 'speed'
  | 'scrubber'
  | 'counter'
  | 'time'
  | 'narrationStart'
  | 'narrationEnd'
  | 'narration'
  | 'listTitle'
  | 'listLead'
  | 'listOpen'
  | 'listSteps'
  | 'backToList'
  | 'markedLayer'
  | 'base64Decoded'
  | 'encrypted'
  | 'lensLabel'
  | 'lensAll'
  | 'lensOption'
  | 'lensActive'
  | 'kindClient'
  | 'kindServer'
  | 'kindTap'
  | 'kindOperator'
  | 'kindThief'
  | 'kindForger'
  | 'tabKnowledge'
  | 'knowPick'
  | 'knowNone'
  | 'knowSummary'
  | 'knowFailed'
  | 'knowMessages'
  | 'knowNoMessages'
  | 'knowLocked'
  | 'knowLockedLong'
  | 'knowMetadata'
  | 'knowAddresses'
  | 'knowJids'
  | 'knowContacts'
  | 'knowContact'
  | 'knowPresence'
  | 'knowCredentials'
  | 'knowKeys'
  | 'knowSealed'
  | 'knowNothing'
  | 'knowMore'
  | 'knowColContent'
  | 'knowColSize'
  | 'knowThiefBefore'
  | 'knowThiefAfter'
  | 'knowAke'
  | 'knowQuery'
  | 'knowOtrError'
  | 'knowStaticKey'
  | 'knowEmpty'
  | 'knowKeyids'
  | 'narrationMore'
  | 'narrationLess'
  | 'knowRecorded'
  | 'knowRecSignedOk'
  | 'knowRecSignedBad'
  | 'knowRecOtrKey'
  | 'knowRecOtrNoKey'
  | 'knowRecReveals'
  | 'knowForgeries'
  | 'knowForged'
  | 'knowForgedMacOk'
  | 'knowForgedMacBad'
  | 'knowForgedSigBad'
  | 'knowForgedSigOk'
  | 'knowForgeFailed'
  | 'knowForgeUnrecorded'
  | 'knowForgeNoMessage'
  | 'knowForgeNoMacKey'
  | 'knowForgeNoText'
  | 'knowForgeOutside'
  | 'knowForgeLength'
  | 'otrTitle'
  | 'otrHeader'
  | 'otrInstances'
  | 'otrInstancesValue'
  | 'otrBytes'
  | 'otrNoKeys'
  | 'otrQuery'
  | 'otrError'
  | 'otrFragment'
  | 'otrPlain'
  | 'otrWhitespace'
  | 'otrMalformed'
  | 'otrReads'
  | 'otrLocked'
  | 'otrRelayed'
  | 'otrRevealedNote'
  | 'otrAkeNote'
  | 'fEncGx'
  | 'fHashGx'
  | 'fGy'
  | 'fRevealedR'
  | 'fEncSig'
  | 'fMacSig'
  | 'fFlags'
  | 'fSenderKeyid'
  | 'fRcptKeyid'
  | 'fNextDh'
  | 'fCounter'
  | 'fEncMsg'
  | 'fMac'
  | 'fOldMacs'
  | 'tabRatchet'
  | 'ratchetNone'
  | 'ratchetLead'
  | 'ratchetOf'
  | 'ratchetPosing'
  | 'rMitm'
  | 'rMsgstate'
  | 'msPlaintext'
  | 'msEncrypted'
  | 'msFinished'
  | 'rAke'
  | 'akeNone'
  | 'akeAwaitingDhkey'
  | 'akeAwaitingRevealsig'
  | 'akeAwaitingSig'
  | 'rKeyids'
  | 'rKeyidsValue'
  | 'rOurKeys'
  | 'rTheirKeys'
  | 'rKey'
  | 'rHeld'
  | 'rForgottenAt'
  | 'rStep'
  | 'rCurrent'
  | 'rPrevious'
  | 'rAkeKey'
  | 'rOlder'
  | 'rCounters'
  | 'rPair'
  | 'rCtr'
  | 'rPending'
  | 'rRevealed'
  | 'rRevealedPair'
  | 'rNoneYet'
  | 'rFingerprint'
  | 'rSsid'
  | 'rInstances'
  | 'rVerified'
  | 'rVersion';

export const widget: Dictionary<WidgetKey> = {
  en: {
    region: 'Scenario: {title}',
    unknownTitle: 'Scenario not found',
    unknownBody: 'There is no scenario called “{id}”. Check the name, or choose one from the list of scenarios.',
    failedTitle: 'The simulation stopped',
    failedBody: 'The scenario “{id}” could not be simulated: {message}',
    allScenarios: 'All scenarios',
    presenterEnter: 'Presenter mode',
    presenterExit: 'Leave presenter mode (Esc)',
    viewLabel: 'Show',
    viewBoth: 'Network and sequence',
    viewNetwork: 'Network only',
    viewSequence: 'Sequence only',
    seedNote: 'Simulated with seed {seed}: every run shows exactly the same bytes.',
    keysHelp: 'Keys: ← → step · Space play/pause · Home/End first/last',
    truncated: 'The simulation was stopped after {n} events.',
    networkTitle: 'Network: {title}',
    networkDesc: 'Domains with their server and clients, and the links between them. {now}',
    networkPacket: 'Step {step}: {what} travels from {from} to {to} ({bytes} bytes).',
    networkLocal: 'Step {step}: {node} acts; nothing is on the wire.',
    networkIdle: 'Before the first event: nobody is connected yet.',
    domain: 'Domain {domain}',
    tapped: 'Someone is listening on this link',
    sequenceTitle: 'Sequence: {title}',
    sequenceDesc: 'One lane per party, time running downwards, one arrow per message on the wire, coloured by its layer. {n} events; step {step} is highlighted.',
    sequenceBreak: '{ms} ms later',
    sequenceArrow: 'Step {step}: {what} from {from} to {to}, {bytes} bytes, arrives at {time} ms',
    actConnect: 'connects',
    actSendMessage: 'sends a message',
    actDisconnect: 'disconnects',
    actTimer: 'timer: {name}',
    layerTcp: 'TCP',
    layerTls: 'TLS',
    layerXml: 'XML',
    layerSasl: 'SASL',
    layerOtr: 'OTR',
    layerPlaintext: 'Plaintext',
    inspector: 'Inspector',
    tabXml: 'XML',
    tabLayers: 'Layers',
    tabHex: 'Hex',
    tabState: 'State',
    tabEvents: 'Events',
    inspectStart: 'Step 0 is the moment before anything happens. Step forward to see the bytes that cross each link.',
    inspectLocal: 'At step {step}, {node} acts on its own: no bytes cross a link. The next steps show what it sends.',
    inspectWire: 'Step {step} · {from} → {to} · {bytes} bytes · sent at {sent} ms, arrives at {time} ms',
    notXml: 'These bytes are not readable XML text. See the Hex tab.',
    layerRange: 'bytes {start}–{end} ({n} B)',
    layerKey: 'needs the key “{key}”',
    layerOpen: 'readable by anyone who sees the bytes',
    noLayers: 'No layers were recorded for this step.',
    hexBytes: '{n} bytes, 16 per line',
    hexOffset: 'Offset',
    hexText: 'Text',
    stateNode: 'Node',
    stateAfter: 'State of {node} after step {step}',
    stateInitial: 'State of {node} before the first event',
    stateEmpty: 'No state recorded for this node.',
    expand: 'Expand',
    collapse: 'Collapse',
    eventsCaption: 'Every event of this scenario, in order (the table version of the diagrams)',
    colStep: 'Step',
    colTime: 'Time',
    colFrom: 'From',
    colTo: 'To',
    colWhat: 'What',
    goToStep: 'Go to step {step}',
    timeline: 'Timeline',
    first: 'First step',
    back: 'Step back',
    play: 'Play',
    pause: 'Pause',
    forward: 'Step forward',
    last: 'Last step',
    speed: 'Speed',
    scrubber: 'Step',
    counter: 'step {step} / {total}',
    time: '{ms} ms',
    narrationStart: 'Nothing has happened yet. Press → or Play to start.',
    narrationEnd: 'That was the last event.',
    narration: 'What happens at this step',
    narrationMore: 'More',
    narrationLess: 'Less',
    listTitle: 'Scenarios',
    listLead: 'Each scenario is a small network of XMPP servers and clients, simulated in your browser. Open one and step through it event by event, with the real bytes on every link.',
    listOpen: 'Open the scenario “{title}”',
    listSteps: '{n} steps',
    backToList: 'All scenarios',
    markedLayer: 'marked above: {label}',
    base64Decoded: 'base64, decoded by anyone:',
    encrypted: 'On this link the bytes are a TLS record: ciphertext. Only the two ends, holding the key “{key}”, read the {what} inside. The Layers tab shows where it sits; the Hex tab shows what an eavesdropper sees.',
    lensLabel: 'Seen by',
    lensAll: 'everyone: show all',
    lensOption: '{kind}: {name}',
    lensActive: 'The diagrams dim what {who} did not see.',
    kindClient: 'Client',
    kindServer: 'Server',
    kindTap: 'Eavesdropper on a link',
    kindOperator: 'Server operator (logs)',
    kindThief: 'Key thief',
    kindForger: 'Forger',
    tabKnowledge: 'Knowledge',
    knowPick: 'Whose knowledge',
    knowNone: 'Choose an observer: the tab lists what it has learned by the current step.',
    knowSummary: 'By step {step}, {who} has seen {events} events ({bytes} bytes) and can read {read} of {messages} messages.',
    knowFailed: 'Nothing to show for {who}.',
    knowMessages: 'Messages',
    knowNoMessages: 'No message has passed this observer yet.',
    knowLocked: 'cannot read',
    knowLockedLong: 'cannot read: {bytes} bytes of ciphertext',
    knowMetadata: 'Metadata',
    knowAddresses: 'IP addresses',
    knowJids: 'Addresses (JIDs)',
    knowContacts: 'Who writes to whom',
    knowContact: '{from} → {to}: {n}×',
    knowPresence: 'Online (presence)',
    knowCredentials: 'Passwords',
    knowKeys: 'Keys held',
    knowSealed: 'Encrypted records it could not open',
    knowNothing: 'nothing yet',
    knowMore: 'More',
    knowColContent: 'Content',
    knowColSize: 'Size',
    knowThiefBefore: 'The theft comes at {time} ms ({nodes}): until then the recording stays closed.',
    knowThiefAfter: 'Stolen at {time} ms from {nodes}: the recording opens wherever the stolen keys fit — and nowhere else.',
    knowAke: 'key exchange ({name}): no message text',
    knowQuery: 'OTR query: asks for a private conversation',
    knowOtrError: 'OTR error message',
    knowStaticKey: 'a static public key',
    knowEmpty: 'no text: a control message (SMP, end of conversation, heartbeat)',
    knowKeyids: 'keys {keys}',
    knowRecorded: 'Recorded for forging',
    knowRecSignedOk: 'Step {step}, {from} → {to}: {text}, signed by {signer} — the signature is valid',
    knowRecSignedBad: 'Step {step}, {from} → {to}: {text}, signed by {signer} — the signature is not valid',
    knowRecOtrKey: 'Step {step}, {from} → {to}: OTR data message — its MAC key was published at step {at}: {key}',
    knowRecOtrNoKey: 'Step {step}, {from} → {to}: OTR data message — its MAC key has not been published',
    knowRecReveals: '(it publishes old MAC keys: {keys})',
    knowForgeries: 'Forgeries',
    knowForged: 'Forged: {claims} (step {step}) — {verdict}',
    knowForgedMacOk: 'the MAC checks out with the key published at step {at}: indistinguishable from the real message',
    knowForgedMacBad: 'the MAC fails: the forgery is exposed',
    knowForgedSigBad: 'the signature fails: the forgery is exposed',
    knowForgedSigOk: 'the signature still checks out',
    knowForgeFailed: 'Not forged: {find} → {replace} (step {step}) — {reason}',
    knowForgeUnrecorded: 'Not forged: {find} → {replace} — {reason}',
    knowForgeNoMessage: 'not possible yet: the message has not been recorded',
    knowForgeNoMacKey: 'not possible yet: the MAC key has not been published',
    knowForgeNoText: 'not possible: the text to replace is not in the message',
    knowForgeOutside: 'not possible: that text lies beyond the end of the message',
    knowForgeLength: 'not possible: the replacement must be exactly as long as the original',
    otrTitle: 'OTR message',
    otrHeader: '{type}, protocol version {version}',
    otrInstances: 'Instance tags',
    otrInstancesValue: 'sender {sender} → receiver {receiver}',
    otrBytes: '{n} bytes',
    otrNoKeys: 'none',
    otrQuery: 'Query message: offers OTR version {versions}',
    otrError: 'OTR error message: “{error}”',
    otrFragment: 'Fragment {k} of {n} of a longer OTR message',
    otrPlain: 'Plain text without OTR',
    otrWhitespace: 'Plain text with a whitespace tag: offers OTR version {versions}',
    otrMalformed: 'Not a readable OTR message: {reason}',
    otrReads: 'What {who} reads:',
    otrLocked: '{who} cannot read it: without the session keys these bytes are ciphertext.',
    otrRelayed: 'Encrypted end to end: {who} passes on ciphertext it cannot read. Choose a lens (“Seen by”) to see who can.',
    otrRevealedNote: 'Anyone who sees this message now holds these MAC keys and could forge old messages with them: that is what makes OTR deniable.',
    otrAkeNote: 'Part of the authenticated key exchange (AKE): no message text travels here.',
    fEncGx: 'Encrypted g^x (AES, key r)',
    fHashGx: 'SHA-256 hash of g^x',
    fGy: 'g^y',
    fRevealedR: 'Revealed key r',
    fEncSig: 'Encrypted signature',
    fMacSig: 'MAC of the signature',
    fFlags: 'Flags',
    fSenderKeyid: 'Sender key id',
    fRcptKeyid: 'Recipient key id',
    fNextDh: 'Sender’s next DH public key',
    fCounter: 'Counter (top half of CTR)',
    fEncMsg: 'Encrypted message (AES-128-CTR)',
    fMac: 'MAC (HMAC-SHA1)',
    fOldMacs: 'Old MAC keys revealed',
    tabRatchet: 'Ratchet',
    ratchetNone: 'No OTR session yet at this step.',
    ratchetLead: 'Every Data Message carries the sender’s next DH key. Once the other side has used it, the older private key is forgotten and the MAC keys of the retired key pair are published.',
    ratchetOf: '{account}’s session with {peer}',
    ratchetPosing: '{holder}’s session with {peer}, posing as {account}',
    rMitm: 'man in the middle',
    rMsgstate: 'Message state',
    msPlaintext: 'plaintext',
    msEncrypted: 'encrypted',
    msFinished: 'finished',
    rAke: 'Key exchange (AKE)',
    akeNone: 'idle',
    akeAwaitingDhkey: 'sent DH-Commit, waiting for DH-Key',
    akeAwaitingRevealsig: 'sent DH-Key, waiting for Reveal-Signature',
    akeAwaitingSig: 'sent Reveal-Signature, waiting for Signature',
    rKeyids: 'Key ids',
    rKeyidsValue: 'ours {ours} · theirs {theirs}',
    rOurKeys: 'Our DH keys (private half)',
    rTheirKeys: 'Their DH keys (public)',
    rKey: 'key {id}',
    rHeld: 'held',
    rForgottenAt: 'forgotten at',
    rStep: 'step {step}',
    rCurrent: 'newest',
    rPrevious: 'previous',
    rAkeKey: 'used in the AKE',
    rOlder: 'and {n} earlier keys, forgotten',
    rCounters: 'Counters per key pair',
    rPair: 'our key {ours} × their key {theirs}',
    rCtr: 'sent {sent} · received {received}',
    rPending: 'Waiting to be revealed with the next message',
    rRevealed: 'MAC keys revealed',
    rRevealedPair: 'pair {ours}×{theirs}',
    rNoneYet: 'none yet',
    rFingerprint: 'Their fingerprint',
    rSsid: 'Session id',
    rInstances: 'Instance tags: ours {ours}, theirs {theirs}',
    rVerified: 'verified with SMP',
    rVersion: 'OTR version {v}',
  },
  de: {
    region: 'Szenario: {title}',
    unknownTitle: 'Szenario nicht gefunden',
    unknownBody: 'Es gibt kein Szenario namens „{id}“. Bitte den Namen prüfen oder eines aus der Liste der Szenarien wählen.',
    failedTitle: 'Die Simulation wurde abgebrochen',
    failedBody: 'Das Szenario „{id}“ ließ sich nicht simulieren: {message}',
    allScenarios: 'Alle Szenarien',
    presenterEnter: 'Präsentationsmodus',
    presenterExit: 'Präsentationsmodus verlassen (Esc)',
    viewLabel: 'Ansicht',
    viewBoth: 'Netz und Ablauf',
    viewNetwork: 'Nur Netz',
    viewSequence: 'Nur Ablauf',
    seedNote: 'Simuliert mit Seed {seed}: Jeder Durchlauf zeigt genau dieselben Bytes.',
    keysHelp: 'Tasten: ← → Schritt · Leertaste Abspielen/Anhalten · Pos1/Ende erster/letzter',
    truncated: 'Die Simulation wurde nach {n} Ereignissen angehalten.',
    networkTitle: 'Netz: {title}',
    networkDesc: 'Domains mit ihrem Server und ihren Clients sowie die Verbindungen dazwischen. {now}',
    networkPacket: 'Schritt {step}: {what} geht von {from} an {to} ({bytes} Bytes).',
    networkLocal: 'Schritt {step}: {node} handelt; auf der Leitung ist nichts unterwegs.',
    networkIdle: 'Vor dem ersten Ereignis: Noch ist niemand verbunden.',
    domain: 'Domain {domain}',
    tapped: 'Auf dieser Leitung hört jemand mit',
    sequenceTitle: 'Ablauf: {title}',
    sequenceDesc: 'Eine Spur je Beteiligtem, die Zeit läuft nach unten, ein Pfeil je Nachricht auf der Leitung, gefärbt nach ihrer Schicht. {n} Ereignisse; Schritt {step} ist hervorgehoben.',
    sequenceBreak: '{ms} ms später',
    sequenceArrow: 'Schritt {step}: {what} von {from} an {to}, {bytes} Bytes, kommt bei {time} ms an',
    actConnect: 'verbindet sich',
    actSendMessage: 'schickt eine Nachricht',
    actDisconnect: 'trennt die Verbindung',
    actTimer: 'Timer: {name}',
    layerTcp: 'TCP',
    layerTls: 'TLS',
    layerXml: 'XML',
    layerSasl: 'SASL',
    layerOtr: 'OTR',
    layerPlaintext: 'Klartext',
    inspector: 'Inspektor',
    tabXml: 'XML',
    tabLayers: 'Schichten',
    tabHex: 'Hex',
    tabState: 'Zustand',
    tabEvents: 'Ereignisse',
    inspectStart: 'Schritt 0 ist der Moment, bevor irgendetwas passiert. Mit dem nächsten Schritt erscheinen die Bytes, die über die Leitungen gehen.',
    inspectLocal: 'In Schritt {step} handelt {node} für sich: Es gehen keine Bytes über eine Leitung. Die nächsten Schritte zeigen, was gesendet wird.',
    inspectWire: 'Schritt {step} · {from} → {to} · {bytes} Bytes · gesendet bei {sent} ms, Ankunft bei {time} ms',
    notXml: 'Diese Bytes sind kein lesbarer XML-Text. Siehe den Reiter Hex.',
    layerRange: 'Bytes {start}–{end} ({n} B)',
    layerKey: 'braucht den Schlüssel „{key}“',
    layerOpen: 'für jeden lesbar, der die Bytes sieht',
    noLayers: 'Für diesen Schritt wurden keine Schichten aufgezeichnet.',
    hexBytes: '{n} Bytes, 16 pro Zeile',
    hexOffset: 'Offset',
    hexText: 'Text',
    stateNode: 'Knoten',
    stateAfter: 'Zustand von {node} nach Schritt {step}',
    stateInitial: 'Zustand von {node} vor dem ersten Ereignis',
    stateEmpty: 'Für diesen Knoten ist kein Zustand aufgezeichnet.',
    expand: 'Aufklappen',
    collapse: 'Zuklappen',
    eventsCaption: 'Alle Ereignisse dieses Szenarios der Reihe nach (die Tabellenfassung der Diagramme)',
    colStep: 'Schritt',
    colTime: 'Zeit',
    colFrom: 'Von',
    colTo: 'An',
    colWhat: 'Was',
    goToStep: 'Zu Schritt {step}',
    timeline: 'Zeitleiste',
    first: 'Erster Schritt',
    back: 'Schritt zurück',
    play: 'Abspielen',
    pause: 'Anhalten',
    forward: 'Schritt vor',
    last: 'Letzter Schritt',
    speed: 'Tempo',
    scrubber: 'Schritt',
    counter: 'Schritt {step} / {total}',
    time: '{ms} ms',
    narrationStart: 'Noch ist nichts passiert. Mit → oder „Abspielen“ geht es los.',
    narrationEnd: 'Das war das letzte Ereignis.',
    narration: 'Was in diesem Schritt passiert',
    narrationMore: 'Mehr',
    narrationLess: 'Weniger',
    listTitle: 'Szenarien',
    listLead: 'Jedes Szenario ist ein kleines Netz aus XMPP-Servern und -Clients, simuliert im Browser. Öffnen Sie eines und gehen Sie es Ereignis für Ereignis durch, mit den echten Bytes auf jeder Leitung.',
    listOpen: 'Szenario „{title}“ öffnen',
    listSteps: '{n} Schritte',
    backToList: 'Alle Szenarien',
    markedLayer: 'oben markiert: {label}',
    base64Decoded: 'Base64, von jedem dekodierbar:',
    encrypted: 'Auf dieser Leitung sind die Bytes ein TLS-Record: Geheimtext. Nur die beiden Enden mit dem Schlüssel „{key}“ lesen das {what} darin. Der Reiter Schichten zeigt, wo es liegt; der Reiter Hex zeigt, was ein Lauscher sieht.',
    lensLabel: 'Sicht von',
    lensAll: 'allen: alles zeigen',
    lensOption: '{kind}: {name}',
    lensActive: 'Die Diagramme blenden ab, was {who} nicht gesehen hat.',
    kindClient: 'Client',
    kindServer: 'Server',
    kindTap: 'Lauscher auf einer Leitung',
    kindOperator: 'Serverbetreiber (Logs)',
    kindThief: 'Schlüsseldieb',
    kindForger: 'Fälscher',
    tabKnowledge: 'Wissen',
    knowPick: 'Wessen Wissen',
    knowNone: 'Wählen Sie einen Beobachter: Der Reiter zeigt, was er bis zum aktuellen Schritt erfahren hat.',
    knowSummary: 'Bis Schritt {step} hat {who} {events} Ereignisse gesehen ({bytes} Bytes) und kann {read} von {messages} Nachrichten lesen.',
    knowFailed: 'Für {who} gibt es nichts zu zeigen.',
    knowMessages: 'Nachrichten',
    knowNoMessages: 'An diesem Beobachter ist noch keine Nachricht vorbeigekommen.',
    knowLocked: 'nicht lesbar',
    knowLockedLong: 'nicht lesbar: {bytes} Bytes Geheimtext',
    knowMetadata: 'Metadaten',
    knowAddresses: 'IP-Adressen',
    knowJids: 'Adressen (JIDs)',
    knowContacts: 'Wer schreibt wem',
    knowContact: '{from} → {to}: {n}×',
    knowPresence: 'Online (Präsenz)',
    knowCredentials: 'Passwörter',
    knowKeys: 'Vorhandene Schlüssel',
    knowSealed: 'Verschlüsselte Records, die er nicht öffnen konnte',
    knowNothing: 'noch nichts',
    knowMore: 'Weiteres',
    knowColContent: 'Inhalt',
    knowColSize: 'Größe',
    knowThiefBefore: 'Der Diebstahl kommt bei {time} ms ({nodes}): Bis dahin bleibt die Aufzeichnung verschlossen.',
    knowThiefAfter: 'Gestohlen bei {time} ms von {nodes}: Die Aufzeichnung öffnet sich, wo die gestohlenen Schlüssel passen – und nirgends sonst.',
    knowAke: 'Schlüsselaustausch ({name}): kein Nachrichtentext',
    knowQuery: 'OTR-Anfrage: bittet um eine private Unterhaltung',
    knowOtrError: 'OTR-Fehlermeldung',
    knowStaticKey: 'ein statischer öffentlicher Schlüssel',
    knowEmpty: 'kein Text: eine Steuernachricht (SMP, Ende der Unterhaltung, Heartbeat)',
    knowKeyids: 'Schlüssel {keys}',
    knowRecorded: 'Zum Fälschen mitgeschnitten',
    knowRecSignedOk: 'Schritt {step}, {from} → {to}: {text}, signiert von {signer} – die Signatur ist gültig',
    knowRecSignedBad: 'Schritt {step}, {from} → {to}: {text}, signiert von {signer} – die Signatur ist ungültig',
    knowRecOtrKey: 'Schritt {step}, {from} → {to}: OTR-Datennachricht – ihr MAC-Schlüssel wurde in Schritt {at} veröffentlicht: {key}',
    knowRecOtrNoKey: 'Schritt {step}, {from} → {to}: OTR-Datennachricht – ihr MAC-Schlüssel ist nicht veröffentlicht',
    knowRecReveals: '(sie veröffentlicht alte MAC-Schlüssel: {keys})',
    knowForgeries: 'Fälschungen',
    knowForged: 'Gefälscht: {claims} (Schritt {step}) – {verdict}',
    knowForgedMacOk: 'der MAC stimmt mit dem in Schritt {at} veröffentlichten Schlüssel: von der echten Nachricht nicht zu unterscheiden',
    knowForgedMacBad: 'der MAC passt nicht: Die Fälschung fliegt auf',
    knowForgedSigBad: 'die Signatur passt nicht: Die Fälschung fliegt auf',
    knowForgedSigOk: 'die Signatur stimmt trotzdem',
    knowForgeFailed: 'Nicht gefälscht: {find} → {replace} (Schritt {step}) – {reason}',
    knowForgeUnrecorded: 'Nicht gefälscht: {find} → {replace} – {reason}',
    knowForgeNoMessage: 'noch nicht möglich: Die Nachricht ist noch nicht mitgeschnitten',
    knowForgeNoMacKey: 'noch nicht möglich: Der MAC-Schlüssel ist noch nicht veröffentlicht',
    knowForgeNoText: 'nicht möglich: Der zu ersetzende Text steht nicht in der Nachricht',
    knowForgeOutside: 'nicht möglich: Die Stelle liegt hinter dem Ende der Nachricht',
    knowForgeLength: 'nicht möglich: Der Ersatz muss genau so lang sein wie das Original',
    otrTitle: 'OTR-Nachricht',
    otrHeader: '{type}, Protokollversion {version}',
    otrInstances: 'Instance-Tags',
    otrInstancesValue: 'Absender {sender} → Empfänger {receiver}',
    otrBytes: '{n} Bytes',
    otrNoKeys: 'keine',
    otrQuery: 'Anfrage (Query Message): bietet OTR-Version {versions} an',
    otrError: 'OTR-Fehlermeldung: „{error}“',
    otrFragment: 'Fragment {k} von {n} einer längeren OTR-Nachricht',
    otrPlain: 'Klartext ohne OTR',
    otrWhitespace: 'Klartext mit Whitespace-Tag: bietet OTR-Version {versions} an',
    otrMalformed: 'Keine lesbare OTR-Nachricht: {reason}',
    otrReads: 'Was {who} liest:',
    otrLocked: '{who} kann sie nicht lesen: Ohne die Sitzungsschlüssel sind diese Bytes Geheimtext.',
    otrRelayed: 'Ende-zu-Ende-verschlüsselt: {who} gibt Geheimtext weiter, den er nicht lesen kann. Unter „Sicht von“ lässt sich wählen, wer mitliest.',
    otrRevealedNote: 'Wer diese Nachricht sieht, hat jetzt diese MAC-Schlüssel und könnte damit alte Nachrichten fälschen: Genau das macht OTR abstreitbar.',
    otrAkeNote: 'Teil des authentifizierten Schlüsselaustauschs (AKE): Hier ist kein Nachrichtentext unterwegs.',
    fEncGx: 'Verschlüsseltes g^x (AES, Schlüssel r)',
    fHashGx: 'SHA-256-Hash von g^x',
    fGy: 'g^y',
    fRevealedR: 'Offengelegter Schlüssel r',
    fEncSig: 'Verschlüsselte Signatur',
    fMacSig: 'MAC der Signatur',
    fFlags: 'Flags',
    fSenderKeyid: 'Schlüssel-ID des Absenders',
    fRcptKeyid: 'Schlüssel-ID des Empfängers',
    fNextDh: 'Nächster öffentlicher DH-Schlüssel des Absenders',
    fCounter: 'Zähler (obere Hälfte von CTR)',
    fEncMsg: 'Verschlüsselte Nachricht (AES-128-CTR)',
    fMac: 'MAC (HMAC-SHA1)',
    fOldMacs: 'Offengelegte alte MAC-Schlüssel',
    tabRatchet: 'Ratchet',
    ratchetNone: 'In diesem Schritt gibt es noch keine OTR-Sitzung.',
    ratchetLead: 'Jede Datennachricht trägt den nächsten DH-Schlüssel des Absenders. Sobald die Gegenseite ihn benutzt hat, wird der ältere private Schlüssel vergessen, und die MAC-Schlüssel des ausgemusterten Schlüsselpaars werden veröffentlicht.',
    ratchetOf: 'Sitzung von {account} mit {peer}',
    ratchetPosing: 'Sitzung von {holder} mit {peer}, getarnt als {account}',
    rMitm: 'Man in the Middle',
    rMsgstate: 'Nachrichtenzustand',
    msPlaintext: 'Klartext',
    msEncrypted: 'verschlüsselt',
    msFinished: 'beendet',
    rAke: 'Schlüsselaustausch (AKE)',
    akeNone: 'ruht',
    akeAwaitingDhkey: 'DH-Commit gesendet, wartet auf DH-Key',
    akeAwaitingRevealsig: 'DH-Key gesendet, wartet auf Reveal-Signature',
    akeAwaitingSig: 'Reveal-Signature gesendet, wartet auf Signature',
    rKeyids: 'Schlüssel-IDs',
    rKeyidsValue: 'eigene {ours} · fremde {theirs}',
    rOurKeys: 'Eigene DH-Schlüssel (privater Teil)',
    rTheirKeys: 'DH-Schlüssel des Gegenübers (öffentlich)',
    rKey: 'Schlüssel {id}',
    rHeld: 'vorhanden',
    rForgottenAt: 'vergessen in',
    rStep: 'Schritt {step}',
    rCurrent: 'neuester',
    rPrevious: 'vorheriger',
    rAkeKey: 'im AKE verwendet',
    rOlder: 'und {n} ältere, vergessene Schlüssel',
    rCounters: 'Zähler je Schlüsselpaar',
    rPair: 'eigener Schlüssel {ours} × fremder Schlüssel {theirs}',
    rCtr: 'gesendet {sent} · empfangen {received}',
    rPending: 'Wird mit der nächsten Nachricht offengelegt',
    rRevealed: 'Offengelegte MAC-Schlüssel',
    rRevealedPair: 'Paar {ours}×{theirs}',
    rNoneYet: 'noch keine',
    rFingerprint: 'Fingerabdruck des Gegenübers',
    rSsid: 'Sitzungs-ID',
    rInstances: 'Instance-Tags: eigenes {ours}, fremdes {theirs}',
    rVerified: 'mit SMP bestätigt',
    rVersion: 'OTR-Version {v}',
  },
};

/** Look up a widget string in a locale and fill its `{placeholders}`. */
export function wt(locale: Locale, key: WidgetKey, params?: Record<string, string | number>): string {
  return fill(widget[locale][key], params);
}

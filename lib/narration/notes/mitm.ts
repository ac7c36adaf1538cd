/**
 * Narration of the server operator as an OTR man in the middle: two key exchanges, relayed messages, and SMP exposing him.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const mitmNotes = {
  'mitm.pass-query': {
    en: 'The operator of {server} does not let {from}’s OTR request simply pass. It answers it itself, posing as {to}, and hands the request on to {to} as if it came straight from {from}: two key exchanges instead of one, with the operator in both.',
    de: 'Der Betreiber von {server} lässt die OTR-Anfrage von {from} nicht einfach durch. Er beantwortet sie selbst, als {to} getarnt, und reicht die Anfrage an {to} weiter, als käme sie direkt von {from}: zwei Schlüsselaustausche statt einem, und in beiden sitzt der Betreiber.',
  },
  'mitm.pass-plaintext': {
    en: 'The operator of {server} reads {from}’s unencrypted message and hands it on to {to} unchanged.',
    de: 'Der Betreiber von {server} liest die unverschlüsselte Nachricht von {from} und reicht sie unverändert an {to} weiter.',
  },
  'mitm.gone-secure': {
    en: 'The operator of {server} has completed an AKE with {peer}, posing as {posingAs}. {peer}’s client now calls the conversation private and shows {shown} as {posingAs}’s fingerprint — the operator’s own key. The operator has learned {peer}’s real fingerprint: {peerReal}.',
    de: 'Der Betreiber von {server} hat einen AKE mit {peer} abgeschlossen, als {posingAs} getarnt. Der Client von {peer} hält die Unterhaltung jetzt für privat und zeigt {shown} als Fingerabdruck von {posingAs} – den Schlüssel des Betreibers. Der Betreiber kennt jetzt den echten Fingerabdruck von {peer}: {peerReal}.',
  },
  'mitm.fingerprints': {
    en: 'Both conversations are now “private” — each with the operator of {server}. {a} sees {shown} as {b}’s fingerprint, but {b}’s real one is {bReal}; {b} sees {shown} as {a}’s, but {a}’s real one is {aReal}. Only comparing fingerprints over another channel, or SMP, can reveal this.',
    de: 'Beide Unterhaltungen sind jetzt „privat“ – jede mit dem Betreiber von {server}. {a} sieht {shown} als Fingerabdruck von {b}, der echte von {b} ist aber {bReal}; {b} sieht {shown} als Fingerabdruck von {a}, der echte von {a} ist aber {aReal}. Nur ein Vergleich der Fingerabdrücke über einen anderen Kanal oder SMP kann das aufdecken.',
  },
  'mitm.read': {
    en: 'The operator of {server} decrypts {from}’s message to {to} with the keys of its own session with {from}, reads it and encrypts it afresh for {to}: “{body}”',
    de: 'Der Betreiber von {server} entschlüsselt die Nachricht von {from} an {to} mit den Schlüsseln seiner eigenen Sitzung mit {from}, liest sie und verschlüsselt sie neu für {to}: „{body}“',
  },
  'mitm.smp-relay': {
    en: 'The operator of {server} cannot answer SMP itself — it does not know the secret — so it hands SMP message {step} from {from} on to {to} unchanged, only re-encrypted. It cannot make the two sides’ values fit.',
    de: 'Der Betreiber von {server} kann SMP nicht selbst beantworten – er kennt das Geheimnis nicht. Also reicht er SMP-Nachricht {step} von {from} unverändert an {to} weiter, nur neu verschlüsselt. Die Werte beider Seiten passend machen kann er nicht.',
  },
  'mitm.smp-relay-abort': {
    en: 'The operator of {server} hands {from}’s SMP abort on to {to}.',
    de: 'Der Betreiber von {server} reicht den SMP-Abbruch von {from} an {to} weiter.',
  },
  'mitm.smp-relay-question': {
    en: 'The operator of {server} reads the SMP question {from} asks {to}: “{question}” — a question travels readable inside the encrypted message, the answer never does. Unable to answer it, the operator hands SMP message 1 on to {to} unchanged, only re-encrypted.',
    de: 'Der Betreiber von {server} liest die SMP-Frage, die {from} an {to} stellt: „{question}“ – die Frage reist lesbar in der verschlüsselten Nachricht, die Antwort nie. Beantworten kann er sie nicht, also reicht er SMP-Nachricht 1 unverändert an {to} weiter, nur neu verschlüsselt.',
  },
  'mitm.smp-relay-last': {
    en: 'The operator of {server} hands the last SMP message from {from} on to {to}. SMP fails on both sides, though both typed the same answer: OTR hashes the answer together with both fingerprints and the session id, and {from} and {to} each used those of a different session — the one with the operator. The operator is found out.',
    de: 'Der Betreiber von {server} reicht die letzte SMP-Nachricht von {from} an {to} weiter. SMP scheitert auf beiden Seiten, obwohl beide dieselbe Antwort eingegeben haben: OTR hasht die Antwort zusammen mit beiden Fingerabdrücken und der Sitzungs-ID, und {from} und {to} haben jeweils die einer anderen Sitzung verwendet – der mit dem Betreiber. Der Betreiber ist entlarvt.',
  },
  'mitm.waiting': {
    en: 'The operator of {server} holds back {from}’s message to {to} until its own session with {to} is encrypted.',
    de: 'Der Betreiber von {server} hält die Nachricht von {from} an {to} zurück, bis seine eigene Sitzung mit {to} verschlüsselt ist.',
  },
  'mitm.unreadable': {
    en: 'The operator of {server} cannot open a message from {from} ({reason}) and drops it.',
    de: 'Der Betreiber von {server} kann eine Nachricht von {from} nicht öffnen ({reason}) und verwirft sie.',
  },
  'mitm.swallowed': {
    en: 'The operator of {server} takes the message from {from} to {to} and has nothing to hand on yet.',
    de: 'Der Betreiber von {server} nimmt die Nachricht von {from} an {to} an und hat noch nichts weiterzureichen.',
  },
  'mitm.deliver-query': {
    en: '{server} hands {posingAs}’s OTR request on to {client}. {client}’s client will run the key exchange — with the operator, not with {posingAs}.',
    de: '{server} reicht die OTR-Anfrage von {posingAs} an {client} weiter. Der Client von {client} wird den Schlüsselaustausch führen – mit dem Betreiber, nicht mit {posingAs}.',
  },
  'mitm.deliver-ake': {
    en: '{server} delivers an AKE message to {client} that claims to come from {posingAs}. The operator made it, with its own DSA key.',
    de: '{server} stellt {client} eine AKE-Nachricht zu, die angeblich von {posingAs} stammt. Der Betreiber hat sie erzeugt, mit seinem eigenen DSA-Schlüssel.',
  },
  'mitm.deliver-data': {
    en: '{server} delivers an encrypted message “from {posingAs}” to {client}. The operator encrypted it in its own session with {client}, so {client}’s client accepts it without complaint: “{body}”',
    de: '{server} stellt {client} eine verschlüsselte Nachricht „von {posingAs}“ zu. Der Betreiber hat sie in seiner eigenen Sitzung mit {client} verschlüsselt, deshalb nimmt der Client von {client} sie ohne Beanstandung an: „{body}“',
  },
  'mitm.deliver-smp': {
    en: '{server} delivers an SMP step to {client} “from {posingAs}”, re-encrypted by the operator.',
    de: '{server} stellt {client} einen SMP-Schritt „von {posingAs}“ zu, vom Betreiber neu verschlüsselt.',
  },
  'mitm.deliver-other': {
    en: '{server} delivers an OTR message to {client} that claims to come from {posingAs}; the operator made it.',
    de: '{server} stellt {client} eine OTR-Nachricht zu, die angeblich von {posingAs} stammt; der Betreiber hat sie erzeugt.',
  },
} satisfies NoteTable;

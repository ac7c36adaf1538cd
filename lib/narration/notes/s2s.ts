/**
 * Narration of server-to-server streams and dialback (RFC 6120, XEP-0220).
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const s2sNotes = {
  's2s.stream-open': {
    en: '{server} connects to {ip}:{port} and opens a server-to-server stream to {domain}, announcing dialback.',
    de: '{server} verbindet sich mit {ip}:{port} und öffnet einen Server-zu-Server-Stream zu {domain}; er kündigt Dialback an.',
  },
  's2s.stream-header': {
    en: '{server} answers the server-to-server stream from {domain}.',
    de: '{server} beantwortet den Server-zu-Server-Stream von {domain}.',
  },
  's2s.stream-header-in': {
    en: '{server} receives the stream header of {domain}, with the stream id {id} that the dialback key will be bound to.',
    de: '{server} erhält den Stream-Header von {domain} mit der Stream-ID {id}, an die der Dialback-Schlüssel gebunden wird.',
  },
  's2s.features': {
    en: '{server} answers {domain} and offers STARTTLS and Server Dialback.',
    de: '{server} antwortet {domain} und bietet STARTTLS und Server-Dialback an.',
  },
  's2s.features-plain': {
    en: '{server} answers {domain} and offers Server Dialback — but no STARTTLS: everything on this server-to-server stream crosses the line in clear.',
    de: '{server} antwortet {domain} und bietet Server-Dialback an – aber kein STARTTLS: Alles auf diesem Server-zu-Server-Stream geht im Klartext über die Leitung.',
  },
  's2s.features-dialback': {
    en: '{server} opens the encrypted stream for {domain} (stream id {id}) and offers Server Dialback.',
    de: '{server} öffnet den verschlüsselten Stream für {domain} (Stream-ID {id}) und bietet Server-Dialback an.',
  },
  's2s.starttls': {
    en: '{server} asks {domain} to encrypt the server-to-server link.',
    de: '{server} bittet {domain}, die Server-zu-Server-Leitung zu verschlüsseln.',
  },
  's2s.proceed': {
    en: '{server} agrees to TLS with {domain}.',
    de: '{server} stimmt TLS mit {domain} zu.',
  },
  's2s.stream-restart': {
    en: '{server} restarts the stream to {domain}, now inside TLS.',
    de: '{server} startet den Stream zu {domain} neu, jetzt innerhalb von TLS.',
  },
  's2s.db-result': {
    en: '{server} claims to be itself with a dialback key: an HMAC over both domains and the stream id, computed with a secret only {server} knows.',
    de: '{server} weist sich mit einem Dialback-Schlüssel aus: einem HMAC über beide Domains und die Stream-ID, berechnet mit einem Geheimnis, das nur {server} kennt.',
  },
  's2s.db-verify': {
    en: '{server} asks {domain}, over its own connection to the address DNS gave for that domain, whether the key it was shown is genuine.',
    de: '{server} fragt {domain} über seine eigene Verbindung zu der Adresse, die das DNS für diese Domain genannt hat, ob der vorgelegte Schlüssel echt ist.',
  },
  's2s.claim-received': {
    en: '{server} does not simply believe that this is {domain}. It will not ask back over this connection — the claimant would answer itself — but over one of its own, to the server that DNS names for {domain}.',
    de: '{server} glaubt nicht einfach, dass hier {domain} spricht. Er fragt nicht über diese Verbindung zurück – dort würde der Behauptende selbst antworten –, sondern über eine eigene, beim Server, den das DNS für {domain} nennt.',
  },
  's2s.verify-stale': {
    en: '{domain} answers a dialback question of {server}’s, but no connection is waiting for that answer any more; {server} ignores it.',
    de: '{domain} beantwortet eine Dialback-Frage von {server}, aber keine Verbindung wartet mehr auf diese Antwort; {server} übergeht sie.',
  },
  's2s.verify-unreachable': {
    en: '{server} cannot reach the server that DNS names for {domain}, so it cannot check the key, and refuses the claim.',
    de: '{server} erreicht den Server nicht, den das DNS für {domain} nennt. Er kann den Schlüssel also nicht prüfen und weist die Behauptung zurück.',
  },
  's2s.db-verify-answer': {
    en: '{server} recomputes its own key for {domain}’s question: {result}.',
    de: '{server} berechnet für die Frage von {domain} seinen eigenen Schlüssel nach: {result}.',
  },
  's2s.db-result-valid': {
    en: '{server} accepts {domain}: its key checked out. {domain} may now send stanzas over this connection.',
    de: '{server} akzeptiert {domain}: Der Schlüssel stimmt. {domain} darf über diese Verbindung jetzt Stanzas schicken.',
  },
  's2s.dialback-valid': {
    en: '{server} is now trusted by {domain}; the messages that waited go out.',
    de: '{domain} vertraut {server} jetzt; die wartenden Nachrichten gehen hinaus.',
  },
  's2s.dialback-invalid': {
    en: '{domain} did not accept {server}’s dialback key.',
    de: '{domain} hat den Dialback-Schlüssel von {server} nicht akzeptiert.',
  },
  's2s.dialback-refused': {
    en: '{server} refuses the identity claim of {domain}.',
    de: '{server} weist die Identitätsbehauptung von {domain} zurück.',
  },
  's2s.stanza-out': {
    en: '{server} sends the <{element}/> stanza to {domain} over its own server-to-server connection. That server will read it in plaintext.',
    de: '{server} schickt die <{element}/>-Stanza über seine eigene Server-zu-Server-Verbindung an {domain}. Dieser Server wird sie im Klartext lesen.',
  },
  's2s.stanza-in': {
    en: '{server} receives a <{element}/> stanza from {domain} and delivers it locally.',
    de: '{server} empfängt eine <{element}/>-Stanza von {domain} und stellt sie lokal zu.',
  },
  's2s.queued': {
    en: '{server} holds the stanza until the link to {domain} is ready.',
    de: '{server} hält die Stanza zurück, bis die Leitung zu {domain} bereit ist.',
  },
  's2s.no-route': {
    en: '{server} has no route to {ip} (the address of {domain}); the connection attempt goes nowhere.',
    de: '{server} hat keinen Weg zu {ip} (der Adresse von {domain}); der Verbindungsversuch läuft ins Leere.',
  },
  's2s.remote-server-not-found': {
    en: '{domain} does not resolve: {server} bounces everything waiting for it with remote-server-not-found (waiting: {count}).',
    de: '{domain} lässt sich nicht auflösen: {server} schickt alles, was dorthin wartete, mit remote-server-not-found zurück (wartend: {count}).',
  },
  's2s.remote-server-timeout': {
    en: '{domain} did not answer in time: {server} bounces everything waiting for it with remote-server-timeout (waiting: {count}).',
    de: '{domain} hat nicht rechtzeitig geantwortet: {server} schickt alles, was dorthin wartete, mit remote-server-timeout zurück (wartend: {count}).',
  },
  's2s.timeout-ignored': {
    en: 'The connection to {domain} came up in time; {server}’s timeout has nothing to do.',
    de: 'Die Verbindung zu {domain} kam rechtzeitig zustande; für den Timeout von {server} gibt es nichts zu tun.',
  },
  's2s.stream-error-received': {
    en: '{domain} ended the server-to-server stream with {server}: {condition}.',
    de: '{domain} hat den Server-zu-Server-Stream mit {server} beendet: {condition}.',
  },
  's2s.late-bytes': {
    en: 'Bytes from {from} reach {server} after that connection has ended; they are dropped, not answered.',
    de: 'Bytes von {from} erreichen {server}, nachdem die Verbindung beendet ist; sie werden verworfen, nicht beantwortet.',
  },
  's2s.impossible-transition': {
    en: 'Engine error in {server}: in the phase {phase} of a server-to-server connection with {domain} (its {role} end), its code took the step “{trigger}”, which the state table does not allow. The phase stays; this is a bug of the simulator, not of the protocol.',
    de: 'Fehler in der Engine von {server}: In der Phase {phase} einer Server-zu-Server-Verbindung mit {domain} (sein Ende: {role}) wollte sein Code den Schritt „{trigger}“ gehen, den die Zustandstabelle nicht erlaubt. Die Phase bleibt; das ist ein Fehler des Simulators, nicht des Protokolls.',
  },
  's2s.stream-error': {
    en: '{server} ends the server-to-server stream with {domain}: {condition}.',
    de: '{server} beendet den Server-zu-Server-Stream mit {domain}: {condition}.',
  },
  's2s.stream-close': {
    en: '{server} closes the server-to-server stream with {domain}.',
    de: '{server} schließt den Server-zu-Server-Stream mit {domain}.',
  },
} satisfies NoteTable;

/**
 * Fuzz target: an OMEMO 2 `<encrypted>` element as a peer sends it (lib/omemo). The XML text, the
 * element and the protobuf bytes inside each `<key>` are outside input: parseEncrypted and the
 * protobuf decoders must refuse garbage as values, and decryptMessage must answer every message
 * with a result or a documented error kind — never an exception — and never a plaintext other than
 * the one the genuine message carried (integrity). See targets.ts for what every target checks.
 */
import fc from 'fast-check';
import { utf8, utf8Decode } from '../../lib/bytes/hex';
import { decryptMessage, encryptMessage, isOmemoError, type OmemoDevice, type OmemoErrorKind } from '../../lib/omemo/device';
import { decodeAuthenticatedMessage, decodeKeyExchange, decodeOmemoMessage } from '../../lib/omemo/protobuf';
import { encryptedToXml, parseEncrypted, type OmemoEncrypted } from '../../lib/omemo/xml';
import { parseElement } from '../../lib/xml/fragment';
import { serialize } from '../../lib/xml/serialize';
import { omemoPair } from '../helpers/omemo-pair';
import type { FuzzTarget } from './harness';
import { mutatedBytes, mutatedText } from './mutate';
import { PropertyBroken } from './property';

const KINDS: readonly OmemoErrorKind[] = [
  'no-eligible-devices',
  'still-undecided',
  'message-not-for-us',
  'sender-not-found',
  'sender-distrusted',
  'public-data-inconsistency',
  'no-session',
  'key-exchange-failed',
  'decryption-failed',
  'malformed',
];

interface OmemoSetup {
  /** bob after the first message: the state every input is decrypted against */
  bob: OmemoDevice;
  /** genuine messages from alice to bob and what each carries */
  genuine: { message: OmemoEncrypted; xml: string; plaintext: string | null }[];
}

let setup: OmemoSetup | null = null;

function setupOmemo(): OmemoSetup {
  if (setup) return setup;
  const { alice, bob, random } = omemoPair('fuzz/omemo');
  const send = (text: string | null) => {
    const r = encryptMessage(alice, [bob.jid], text === null ? null : utf8(text), random);
    if (isOmemoError(r)) throw new Error(r.error);
    return { message: r.message, xml: serialize(encryptedToXml(r.message)), plaintext: text };
  };
  const first = send('one'); // key exchange
  const opened = decryptMessage(bob, alice.jid, first.message, random);
  if (isOmemoError(opened) || !opened.reply) throw new Error('fuzz/omemo: setup failed');
  const second = send('two'); // the same key exchange again: not confirmed yet
  decryptMessage(alice, bob.jid, opened.reply, random);
  const third = send('three'); // confirmed: no key exchange
  const empty = send(null);
  setup = { bob: structuredClone(bob), genuine: [first, second, third, empty] };
  return setup;
}

type OmemoInput = { kind: 'xml'; text: string } | { kind: 'key'; which: number; data: Uint8Array };

export const omemoTarget: FuzzTarget<OmemoInput> = {
  name: 'omemo',
  description:
    'lib/omemo parseEncrypted(), the protobuf decoders and decryptMessage(): random text, genuine <encrypted> elements from a live session (a key exchange, ' +
    'the same key exchange repeated, a normal and an empty message) mutated as text, and the same messages with mutated <key> bytes. Never throws; a refusal ' +
    'is one of the documented error kinds; what decrypts is exactly the genuine plaintext.',
  arbitrary: () => {
    const s = setupOmemo();
    const keyOf = (i: number) => s.genuine[i]!.message.keys.find((k) => k.rid === s.bob.deviceId)!.data;
    return fc.oneof(
      { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((text): OmemoInput => ({ kind: 'xml', text })) },
      { weight: 3, arbitrary: mutatedText(s.genuine.map((g) => g.xml)).map((text): OmemoInput => ({ kind: 'xml', text })) },
      { weight: 1, arbitrary: fc.constantFrom(...s.genuine.map((g): OmemoInput => ({ kind: 'xml', text: g.xml }))) },
      {
        weight: 4,
        arbitrary: fc.integer({ min: 0, max: s.genuine.length - 1 }).chain((which) => mutatedBytes([keyOf(which)]).map((data): OmemoInput => ({ kind: 'key', which, data }))),
      },
    );
  },
  show: (i) => (i.kind === 'xml' ? `xml=${JSON.stringify(i.text)}` : `message ${i.which}, key=${Buffer.from(i.data).toString('hex')}`),
  check: (input) => {
    const s = setupOmemo();
    let m: OmemoEncrypted;
    if (input.kind === 'xml') {
      const el = parseElement(input.text);
      if (!el) return 'not-xml';
      const parsed = parseEncrypted(el);
      if ('error' in parsed) return 'bad-element';
      m = parsed;
    } else {
      const g = s.genuine[input.which]!.message;
      m = { ...g, keys: g.keys.map((k) => (k.rid === s.bob.deviceId ? { ...k, data: input.data } : k)) };
      // the decoders alone: a value, never an exception
      for (const d of [decodeKeyExchange(input.data), decodeAuthenticatedMessage(input.data), decodeOmemoMessage(input.data)]) if (typeof d !== 'object') throw new PropertyBroken('a decoder returned no value');
    }
    // decryptMessage changes the device only on success: decrypt against a copy then
    const bob = structuredClone(s.bob);
    const r = decryptMessage(bob, 'alice@example.org', m, (n) => new Uint8Array(n).fill(7));
    if (isOmemoError(r)) {
      if (!KINDS.includes(r.kind) || !r.error) throw new PropertyBroken(`undocumented refusal ${JSON.stringify(r)}`);
      return r.kind;
    }
    const text = r.plaintext === null ? null : utf8Decode(r.plaintext);
    if (!s.genuine.some((g) => g.plaintext === text && g.message.payload?.length === m.payload?.length)) throw new PropertyBroken(`decrypted to something no genuine message carried: ${JSON.stringify(text)}`);
    return 'decrypted';
  },
};

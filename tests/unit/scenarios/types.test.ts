import { describe, expectTypeOf, it } from 'vitest';
import type { Action, ClientSpec, MitmSpec, ObserverSpec, Scenario, ServerSpec, Settings, ThiefSpec } from '@/lib/sim/types';

// Compile-time checks (tsc): the types lib/sim/types.ts re-exports are the schema's, with the shapes the engine reads.
describe('types derived from the schema', () => {
  it('have the shapes the engine reads', () => {
    expectTypeOf<Scenario['version']>().toEqualTypeOf<2>();
    expectTypeOf<ObserverSpec['kind']>().toEqualTypeOf<'tap' | 'thief' | 'forger' | 'mitm'>();
    expectTypeOf<MitmSpec>().toEqualTypeOf<{ id: string; kind: 'mitm'; server: string; between: [string, string] }>();
    expectTypeOf<ThiefSpec['steals'][number]['what'][number]>().toEqualTypeOf<'long-term-keys' | 'otr-session' | 'static-key'>();
    expectTypeOf<ServerSpec['down']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ClientSpec['resource']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Settings['tls']>().toEqualTypeOf<'none' | 'starttls' | 'required'>();
    expectTypeOf<Extract<Action, { type: 'send-message' }>>().toEqualTypeOf<{ type: 'send-message'; to: string; body: string; messageType?: 'chat' | 'normal' | 'headline' | 'groupchat' }>();
    expectTypeOf<Extract<Action, { type: 'keys-stolen' }>['thief']>().toEqualTypeOf<string>();
    expectTypeOf<Action['type']>().toEqualTypeOf<
      | 'connect' | 'disconnect' | 'send-message' | 'retry-login' | 'set-presence' | 'add-contact' | 'subscribe' | 'unsubscribe' | 'approve-subscription'
      | 'deny-subscription' | 'remove-contact' | 'roster-get' | 'disco-info' | 'disco-items' | 'ping' | 'send-raw' | 'otr-start' | 'otr-end'
      | 'smp-start' | 'smp-respond' | 'static-publish' | 'send-static' | 'send-signed' | 'keys-stolen'
      | 'muc-join' | 'muc-leave' | 'muc-send' | 'muc-private' | 'muc-subject' | 'muc-kick' | 'muc-grant-voice' | 'muc-revoke-voice' | 'muc-ban' | 'muc-member' | 'muc-configure'
    >();
  });
});

/** The preset scenarios, by id. `npm run sim -- list` and the lesson widgets read them from here. @module */
import type { Scenario } from '../../sim/types';
import { archCentralised, archCentralisedE2e, archFederated, archFederatedE2e } from './arch';
import { badCertificate } from './bad-certificate';
import { badPassword } from './bad-password';
import { c2sLogin } from './c2s-login';
import { chatLocal } from './chat-local';
import { federation } from './federation';
import { hello } from './hello';
import { malformedXml } from './malformed-xml';
import { offlineMessage } from './offline-message';
import { otrDeniability } from './otr-deniability';
import { otrMitm } from './otr-mitm';
import { otrOffline } from './otr-offline';
import { otrAke } from './otr-ake';
import { otrForwardSecrecy } from './otr-forward-secrecy';
import { otrPostCompromise } from './otr-post-compromise';
import { presenceSubscription } from './presence-subscription';
import { s2sPlaintext } from './s2s-plaintext';
import { saslDowngrade } from './sasl-downgrade';
import { starttlsStripping } from './starttls-stripping';
import { unknownDomain } from './unknown-domain';
import { mucBasic } from './muc-basic';
import { mucModeration } from './muc-moderation';

export const presets: readonly Scenario[] = [hello, c2sLogin, chatLocal, presenceSubscription, offlineMessage, federation, badPassword, malformedXml, unknownDomain, otrAke, otrForwardSecrecy, otrPostCompromise, otrDeniability, otrMitm, otrOffline, starttlsStripping, s2sPlaintext, saslDowngrade, badCertificate, archCentralised, archFederated, archCentralisedE2e, archFederatedE2e, mucBasic, mucModeration];

export function getPreset(id: string): Scenario | undefined {
  return presets.find((p) => p.id === id);
}

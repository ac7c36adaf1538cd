/**
 * A room's plain-data state (XEP-0045 §4 terms): its configuration (the `muc#roomconfig` fields this
 * service supports, §16.5.3), affiliations by bare JID (they persist, §5.2), occupants by nickname
 * with their real full JID and temporary role (§5.1), the subject and a bounded discussion history
 * (§7.2.13). Rooms live in the server's state (`ServerState.muc`), keyed by the room's local part.
 * @module
 */
import type { Affiliation, Role } from './permissions';
import { bareOf } from '../jid';

export interface RoomConfig {
  /** muc#roomconfig_roomname */
  name: string;
  /** muc#roomconfig_membersonly: only members (and above) may enter (§7.2.6). */
  membersOnly: boolean;
  /** muc#roomconfig_moderatedroom: visitors have no voice (§4.2 "Moderated Room"). */
  moderated: boolean;
  /** muc#roomconfig_whois: 'moderators' is semi-anonymous, 'anyone' non-anonymous (§4.2). */
  whois: 'moderators' | 'anyone';
  /** muc#roomconfig_passwordprotectedroom + muc#roomconfig_roomsecret; '' = no password. */
  password: string;
  /** muc#roomconfig_changesubject: participants may change the subject (§5.1.1 "Modify Subject", Yes*). */
  changeSubject: boolean;
  /** muc#roomconfig_allowpm: 'anyone' or 'none' (§7.5). */
  allowPm: 'anyone' | 'none';
  /** muc#maxhistoryfetch: how many messages a new occupant gets (§7.2.13). */
  historyLength: number;
}

export interface Occupant {
  nick: string;
  /** The occupant's real full JID: what the room knows, and shows only as its anonymity allows. */
  jid: string;
  role: Role;
}

export interface HistoryEntry {
  nick: string;
  /** The sender's real full JID, for moderators and non-anonymous rooms. */
  jid: string;
  body: string;
  /** XEP-0082 date-time of the virtual clock. */
  stamp: string;
  id?: string;
}

export interface Room {
  /** The room's local part (`lab` of lab@conference.a.example). */
  local: string;
  /** §10.1: "locking" the room until the owner configures it or asks for an instant room. */
  locked: boolean;
  config: RoomConfig;
  /** By bare JID; absent = 'none'. */
  affiliations: Record<string, Affiliation>;
  /** By nickname, in the order they entered. */
  occupants: Record<string, Occupant>;
  subject: { text: string; nick: string; stamp: string } | null;
  history: HistoryEntry[];
}

/** The most a room keeps, whatever its muc#maxhistoryfetch: state stays small. */
export const HISTORY_MAX = 20;

/** The default configuration a new room gets (§10.1 step 2: "according to some default configuration"). */
function defaultConfig(local: string): RoomConfig {
  return { name: local, membersOnly: false, moderated: false, whois: 'moderators', password: '', changeSubject: false, allowPm: 'anyone', historyLength: HISTORY_MAX };
}

/** §10.1 step 2: the creator is its owner, and the room is locked. */
export function createRoom(local: string, owner: string): Room {
  return { local, locked: true, config: defaultConfig(local), affiliations: { [owner]: 'owner' }, occupants: {}, subject: null, history: [] };
}

export function affiliationOf(room: Room, bare: string): Affiliation {
  return room.affiliations[bare] ?? 'none';
}

/** The occupant a real full JID is in the room as; undefined when it is not in. */
export function occupantByJid(room: Room, jid: string): Occupant | undefined {
  return Object.values(room.occupants).find((o) => o.jid === jid);
}

/** Every occupant of one bare JID (a ban or an affiliation change concerns them all). */
export function occupantsOf(room: Room, bare: string): Occupant[] {
  return Object.values(room.occupants).filter((o) => bareOf(o.jid) === bare);
}

/** §4.2 "Non-Anonymous Room": real JIDs to anyone; semi-anonymous: to moderators only (§7.2.4). */
export function seesRealJids(room: Room, viewer: Occupant): boolean {
  return room.config.whois === 'anyone' || viewer.role === 'moderator';
}

/**
 * XEP-0045's two privilege tables as data, one row per privilege in the XEP's order, so that the
 * service decides from them and a lesson can draw them without retyping: §5.1.1 "Privileges
 * Associated With Roles" and §5.2.1 "Privileges Associated With Affiliations". A cell is the XEP's
 * default; the footnotes are kept beside the rows they qualify. §5.1.2's default roles close the file.
 * @module
 */

/** §5.1: "roles are temporary in that they do not necessarily persist across a user's visits to the room". */
export const ROLES = ['none', 'visitor', 'participant', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

/** §5.2: "affiliations are permanent in that they persist across a user's visits to the room". */
export const AFFILIATIONS = ['outcast', 'none', 'member', 'admin', 'owner'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** 'yes*': "Default; configuration settings MAY modify this privilege" (the XEP's `*`). */
export type Cell = 'yes' | 'no' | 'yes*' | 'no*' | 'n/a';

export interface PrivilegeRow<Col extends string> {
  id: string;
  /** The privilege as the XEP's table names it. */
  privilege: string;
  cells: Record<Col, Cell>;
  /** The XEP's footnote on this row, quoted. */
  note?: string;
}

const r = <Col extends string>(cols: readonly Col[], id: string, privilege: string, values: Cell[], note?: string): PrivilegeRow<Col> => ({
  id,
  privilege,
  cells: Object.fromEntries(cols.map((c, i) => [c, values[i]!])) as Record<Col, Cell>,
  ...(note ? { note } : {}),
});

const role = (id: string, privilege: string, values: Cell[], note?: string) => r(ROLES, id, privilege, values, note);

/** §5.1.1, columns None, Visitor, Participant, Moderator. */
export const ROLE_PRIVILEGES = [
  role('present', 'Present in Room', ['no', 'yes', 'yes', 'yes']),
  role('receive-messages', 'Receive Messages', ['no', 'yes', 'yes', 'yes']),
  role('receive-presence', 'Receive Occupant Presence', ['no', 'yes', 'yes', 'yes']),
  role('broadcast-presence', 'Broadcast Presence to All Occupants', ['no', 'yes*', 'yes', 'yes']),
  role('change-status', 'Change Availability Status', ['no', 'yes*', 'yes', 'yes']),
  role('change-nick', 'Change Room Nickname', ['no', 'yes*', 'yes', 'yes']),
  role('private-messages', 'Send Private Messages', ['no', 'yes*', 'yes', 'yes']),
  role('invite', 'Invite Other Users', ['no', 'yes*', 'yes*', 'yes']),
  role('message-all', 'Send Messages to All', ['no', 'no', 'yes', 'yes'], 'An implementation MAY grant voice by default to visitors in unmoderated rooms.'),
  role('modify-subject', 'Modify Subject', ['no', 'no*', 'yes*', 'yes']),
  role('kick', 'Kick Participants and Visitors', ['no', 'no', 'no', 'yes']),
  role('grant-voice', 'Grant Voice', ['no', 'no', 'no', 'yes']),
  role('revoke-voice', 'Revoke Voice', ['no', 'no', 'no', 'yes'], 'A moderator MUST NOT be able to revoke voice privileges from an admin or owner.'),
] as const;

const affil = (id: string, privilege: string, values: Cell[], note?: string) => r(AFFILIATIONS, id, privilege, values, note);

/** §5.2.1, columns Outcast, None, Member, Admin, Owner. */
export const AFFILIATION_PRIVILEGES = [
  affil('enter-open', 'Enter Open Room', ['no', 'yes*', 'yes', 'yes', 'yes']),
  affil('register', 'Register with Open Room', ['no', 'yes', 'n/a', 'n/a', 'n/a']),
  affil('member-list', 'Retrieve Member List', ['no', 'no', 'yes', 'yes', 'yes'], 'In such [semi-anonymous] rooms, members SHOULD NOT be allowed to retrieve the member list.'),
  affil('enter-members-only', 'Enter Members-Only Room', ['no', 'no', 'yes*', 'yes', 'yes']),
  affil('ban', 'Ban Members and Unaffiliated Users', ['no', 'no', 'no', 'yes', 'yes']),
  affil('edit-members', 'Edit Member List', ['no', 'no', 'no', 'yes', 'yes']),
  affil('moderator-role', 'Assign and Remove Moderator Role', ['no', 'no', 'no', 'yes*', 'yes*'], 'A moderator SHOULD NOT be allowed to revoke moderation privileges from someone with a higher affiliation than themselves.'),
  affil('edit-admins', 'Edit Admin List', ['no', 'no', 'no', 'no', 'yes']),
  affil('edit-owners', 'Edit Owner List', ['no', 'no', 'no', 'no', 'yes']),
  affil('configure', 'Change Room Configuration', ['no', 'no', 'no', 'no', 'yes']),
  affil('destroy', 'Destroy Room', ['no', 'no', 'no', 'no', 'yes']),
] as const;

export type RolePrivilege = (typeof ROLE_PRIVILEGES)[number]['id'];
export type AffiliationPrivilege = (typeof AFFILIATION_PRIVILEGES)[number]['id'];

/** A cell as the service applies it: the default ('yes', 'yes*') allows, anything else refuses. */
const allows = (c: Cell): boolean => c === 'yes' || c === 'yes*';

/** Whether a role has this privilege by §5.1.1's defaults. */
export function roleMay(r: Role, p: RolePrivilege): boolean {
  return allows(ROLE_PRIVILEGES.find((row) => row.id === p)!.cells[r]);
}

/** Whether an affiliation has this privilege by §5.2.1. */
export function affiliationMay(a: Affiliation, p: AffiliationPrivilege): boolean {
  return allows(AFFILIATION_PRIVILEGES.find((row) => row.id === p)!.cells[a]);
}

/**
 * §5.1.2 / §5.2.1's first footnote: "an unaffiliated user enters a moderated room as a visitor, and
 * enters an open room as a participant. A member enters a room as a participant. An admin or owner
 * enters a room as a moderator." An outcast does not enter at all.
 */
export function defaultRole(a: Affiliation, moderated: boolean): Role {
  if (a === 'owner' || a === 'admin') return 'moderator';
  if (a === 'member') return 'participant';
  if (a === 'none') return moderated ? 'visitor' : 'participant';
  return 'none';
}

/** Rank in the XEP's hierarchy ("an owner can do anything an admin can do…"), for who may act on whom. */
export function affiliationRank(a: Affiliation): number {
  return AFFILIATIONS.indexOf(a);
}

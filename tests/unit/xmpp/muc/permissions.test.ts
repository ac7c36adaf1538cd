/**
 * XEP-0045's privilege tables (§5.1.1, §5.2.1) as the service applies them: each role's and each
 * affiliation's privileges, cell by cell as the XEP prints them, and who may change whose role or
 * affiliation (§8.2–§8.4, §9.1, §9.6/§9.7).
 */
import { describe, expect, it } from 'vitest';
import { affiliationChangeRefusal, roleChangeRefusal } from '@/lib/xmpp/muc/admin';
import { AFFILIATION_PRIVILEGES, affiliationMay, AFFILIATIONS, defaultRole, ROLE_PRIVILEGES, roleMay, ROLES, type Affiliation, type Role } from '@/lib/xmpp/muc/permissions';
import { createRoom, type Occupant } from '@/lib/xmpp/muc/room';

/** §5.1.1 as printed, columns None, Visitor, Participant, Moderator ('*': default, configurable). */
const ROLE_TABLE: Record<string, string> = {
  'Present in Room': 'No Yes Yes Yes',
  'Receive Messages': 'No Yes Yes Yes',
  'Receive Occupant Presence': 'No Yes Yes Yes',
  'Broadcast Presence to All Occupants': 'No Yes* Yes Yes',
  'Change Availability Status': 'No Yes* Yes Yes',
  'Change Room Nickname': 'No Yes* Yes Yes',
  'Send Private Messages': 'No Yes* Yes Yes',
  'Invite Other Users': 'No Yes* Yes* Yes',
  'Send Messages to All': 'No No** Yes Yes',
  'Modify Subject': 'No No* Yes* Yes',
  'Kick Participants and Visitors': 'No No No Yes',
  'Grant Voice': 'No No No Yes',
  'Revoke Voice': 'No No No Yes***',
};

/** §5.2.1 as printed, columns Outcast, None, Member, Admin, Owner. */
const AFFILIATION_TABLE: Record<string, string> = {
  'Enter Open Room': 'No Yes* Yes Yes Yes',
  'Register with Open Room': 'No Yes N/A N/A N/A',
  'Retrieve Member List': 'No No Yes Yes Yes',
  'Enter Members-Only Room': 'No No Yes* Yes Yes',
  'Ban Members and Unaffiliated Users': 'No No No Yes Yes',
  'Edit Member List': 'No No No Yes Yes',
  'Assign and Remove Moderator Role': 'No No No Yes** Yes**',
  'Edit Admin List': 'No No No No Yes',
  'Edit Owner List': 'No No No No Yes',
  'Change Room Configuration': 'No No No No Yes',
  'Destroy Room': 'No No No No Yes',
};

/** A printed cell as the service applies it: Yes (with any footnote) allows. */
const yes = (cell: string) => cell.startsWith('Yes');

describe('XEP-0045 §5.1.1: privileges of roles', () => {
  it('has the XEP’s rows in the XEP’s order', () => {
    expect(ROLE_PRIVILEGES.map((r) => r.privilege)).toEqual(Object.keys(ROLE_TABLE));
  });
  for (const row of ROLE_PRIVILEGES) {
    it(`${row.privilege}: ${ROLE_TABLE[row.privilege]}`, () => {
      const cells = ROLE_TABLE[row.privilege]!.split(' ');
      ROLES.forEach((role, i) => expect(roleMay(role, row.id), `${role}`).toBe(yes(cells[i]!)));
    });
  }
});

describe('XEP-0045 §5.2.1: privileges of affiliations', () => {
  it('has the XEP’s rows in the XEP’s order', () => {
    expect(AFFILIATION_PRIVILEGES.map((r) => r.privilege)).toEqual(Object.keys(AFFILIATION_TABLE));
  });
  for (const row of AFFILIATION_PRIVILEGES) {
    it(`${row.privilege}: ${AFFILIATION_TABLE[row.privilege]}`, () => {
      const cells = AFFILIATION_TABLE[row.privilege]!.split(' ');
      AFFILIATIONS.forEach((a, i) => expect(affiliationMay(a, row.id), `${a}`).toBe(yes(cells[i]!)));
    });
  }
  it('§5.1.2: the role each affiliation enters with', () => {
    const open = AFFILIATIONS.map((a) => defaultRole(a, false));
    const moderated = AFFILIATIONS.map((a) => defaultRole(a, true));
    expect(open).toEqual(['none', 'participant', 'participant', 'moderator', 'moderator']);
    expect(moderated).toEqual(['none', 'visitor', 'participant', 'moderator', 'moderator']);
  });
});

describe('who may change whose role (§8.2–§8.4, §9.6, §9.7)', () => {
  const room = createRoom('lab', 'owner@a.example');
  room.locked = false;
  room.affiliations['admin@a.example'] = 'admin';
  room.affiliations['member@a.example'] = 'member';
  const occ = (who: string, role: Role): Occupant => ({ nick: who, jid: `${who}@a.example/x`, role });
  const owner = occ('owner', 'moderator');
  const admin = occ('admin', 'moderator');
  const member = occ('member', 'participant');
  const memberMod = occ('member', 'moderator');
  const guest = occ('guest', 'participant');
  const visitor = occ('visitor', 'visitor');
  const cases: [string, Occupant, Occupant, Role, string | null][] = [
    ['a moderator kicks a participant', admin, guest, 'none', null],
    ['a participant may not kick', member, guest, 'none', 'forbidden'],
    ['a member moderator may not kick an admin', memberMod, admin, 'none', 'not-allowed'],
    ['an admin may not kick the owner', admin, owner, 'none', 'not-allowed'],
    ['a moderator kicking himself: conflict', admin, admin, 'none', 'conflict'],
    ['a moderator grants voice to a visitor', admin, visitor, 'participant', null],
    ['a participant may not grant voice', guest, visitor, 'participant', 'forbidden'],
    ['a moderator revokes voice from an unaffiliated participant', memberMod, guest, 'visitor', null],
    ['nobody revokes voice from an admin', owner, { ...admin, role: 'participant' }, 'visitor', 'not-allowed'],
    ['a member moderator may not devoice a member', memberMod, member, 'visitor', 'not-allowed'],
    ['an admin makes a member moderator', admin, member, 'moderator', null],
    ['a member moderator may not make moderators', memberMod, guest, 'moderator', 'forbidden'],
    ['an admin may not take moderation from the owner', admin, owner, 'participant', 'not-allowed'],
  ];
  for (const [what, actor, target, role, expected] of cases) {
    it(what, () => expect(roleChangeRefusal(room, actor, target, role)?.condition ?? null).toBe(expected));
  }
});

describe('who may change whose affiliation (§9.1, §9.3, §10.3, §10.6)', () => {
  const room = createRoom('lab', 'owner@a.example');
  room.affiliations['admin@a.example'] = 'admin';
  room.affiliations['admin2@a.example'] = 'admin';
  room.affiliations['member@a.example'] = 'member';
  const cases: [string, string, string, Affiliation, string | null][] = [
    ['an admin bans an unaffiliated user', 'admin@a.example', 'troll@b.example', 'outcast', null],
    ['an admin bans a member', 'admin@a.example', 'member@a.example', 'outcast', null],
    ['an admin may not ban the owner', 'admin@a.example', 'owner@a.example', 'outcast', 'not-allowed'],
    ['an admin banning himself: conflict', 'admin@a.example', 'admin@a.example', 'outcast', 'conflict'],
    ['a member may not ban', 'member@a.example', 'troll@b.example', 'outcast', 'forbidden'],
    ['an admin grants membership', 'admin@a.example', 'carol@a.example', 'member', null],
    ['a member may not grant membership', 'member@a.example', 'carol@a.example', 'member', 'forbidden'],
    ['an admin may not make admins', 'admin@a.example', 'member@a.example', 'admin', 'forbidden'],
    ['an admin may not demote another admin', 'admin@a.example', 'admin2@a.example', 'member', 'forbidden'],
    ['the owner makes admins', 'owner@a.example', 'member@a.example', 'admin', null],
    ['the owner makes owners', 'owner@a.example', 'admin@a.example', 'owner', null],
  ];
  for (const [what, actor, target, aff, expected] of cases) {
    it(what, () => expect(affiliationChangeRefusal(room, actor, target, aff)?.condition ?? null).toBe(expected));
  }
});

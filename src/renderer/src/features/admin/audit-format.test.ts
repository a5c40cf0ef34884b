import { describe, expect, it } from 'vitest';
import arAdmin from '../../i18n/ar/admin.json';
import { auditActions } from '../../../../shared/audit-actions';
import { auditActionKey, auditDetailEntries } from './audit-format';

describe('auditActionKey', () => {
  it('turns the dots of an action code into underscores', () => {
    expect(auditActionKey('session.sign-in-failed')).toBe('auditActions.session_sign-in-failed');
    expect(auditActionKey('insert')).toBe('auditActions.insert');
  });

  it('finds a label for the actions core writes today', () => {
    for (const action of auditActions) {
      const key = auditActionKey(action).replace('auditActions.', '');
      expect(arAdmin.auditActions, action).toHaveProperty([key]);
    }
  });
});

describe('auditDetailEntries', () => {
  it('joins lists and keeps strings as they are', () => {
    expect(
      auditDetailEntries({ columns: ['display_name', 'roles'], username: 'f.amrani', n: 3 }),
    ).toEqual([
      { key: 'columns', value: 'display_name, roles' },
      { key: 'username', value: 'f.amrani' },
      { key: 'n', value: '3' },
    ]);
  });

  it('has nothing to show for an entry without detail', () => {
    expect(auditDetailEntries(null)).toEqual([]);
  });
});

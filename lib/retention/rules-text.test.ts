import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { retentionRuleTexts, type RetentionSettings } from '@/lib/retention/rules-text';

const defaults: RetentionSettings = {
  CHAT_RETENTION_DAYS: 30,
  CHAT_IDLE_HOURS: 2,
  HOLD_RETENTION_DAYS: 30,
  ACCESS_LOG_RETENTION_DAYS: 730,
  SESSION_IDLE_MINUTES: 15,
  SESSION_ABSOLUTE_HOURS: 8,
  COURSE_BOOKING_RETENTION_DAYS: 30,
};

const ruleText = (settings: RetentionSettings, id: string) => {
  const rule = retentionRuleTexts(settings).find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.when;
};

describe('retention rule texts', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it('states each rule with the number it is configured with', () => {
    expect(ruleText(defaults, 'inquiries')).toMatch(/^Slettes 3 måneder etter at kontakten ble avsluttet\./);
    expect(ruleText(defaults, 'chats')).toMatch(/^Slettes 30 dager etter/);
    expect(ruleText(defaults, 'idle-chats')).toContain('på 2 timer');
    expect(ruleText(defaults, 'holds')).toMatch(/^Slettes 30 dager etter/);
    expect(ruleText(defaults, 'access-log')).toContain('730 dager (omtrent 2 år)');
    expect(ruleText(defaults, 'staff-sessions')).toContain('etter 15 minutter uten bruk, og senest 8 timer');
    expect(ruleText(defaults, 'course-bookings')).toMatch(/^Slettes 30 dager etter at kurset er over\./);
    expect(ruleText(defaults, 'course-orders')).toContain('ved utgangen av det femte året etter året du kjøpte plassen');
    expect(ruleText({ ...defaults, COURSE_BOOKING_RETENTION_DAYS: 14 }, 'course-bookings')).toMatch(/^Slettes 14 dager etter/);
  });

  it('follows a changed setting, in the singular too, and says "med en gang" for no delay', () => {
    const changed = { ...defaults, CHAT_RETENTION_DAYS: 1, CHAT_IDLE_HOURS: 1, HOLD_RETENTION_DAYS: 0, ACCESS_LOG_RETENTION_DAYS: 400 };
    expect(ruleText(changed, 'chats')).toMatch(/^Slettes 1 dag etter/);
    expect(ruleText(changed, 'idle-chats')).toContain('på 1 time,');
    expect(ruleText(changed, 'holds')).toMatch(/^Slettes med en gang etter/);
    expect(ruleText(changed, 'access-log')).toContain('400 dager etter');
    expect(ruleText(changed, 'access-log')).not.toContain('år');
  });

  it('reads the settings the purge reads when given none', () => {
    process.env.CHAT_RETENTION_DAYS = '17';
    process.env.HOLD_RETENTION_DAYS = '45';
    process.env.ACCESS_LOG_RETENTION_DAYS = '1095';
    resetEnvCache();
    const rules = retentionRuleTexts();
    expect(rules.find((r) => r.id === 'chats')?.when).toMatch(/^Slettes 17 dager etter/);
    expect(rules.find((r) => r.id === 'holds')?.when).toMatch(/^Slettes 45 dager etter/);
    expect(rules.find((r) => r.id === 'access-log')?.when).toContain('1095 dager (omtrent 3 år)');
  });

  it('names every kind of data the purge deletes, and the statistics it keeps', () => {
    expect(retentionRuleTexts(defaults).map((r) => r.id)).toEqual([
      'inquiries',
      'flagged-chats',
      'chats',
      'idle-chats',
      'chat-blocks',
      'holds',
      'staff-sessions',
      'course-bookings',
      'course-orders',
      'staff-links',
      'access-log',
      'statistics',
    ]);
  });
});

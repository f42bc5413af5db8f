import { describe, expect, it } from 'vitest';
import { AnnouncementSettings } from './announcement.js';

describe('AnnouncementSettings', () => {
  const message = { id: 'sale', text: 'Winter sale', start: '2026-12-01T08:00' };

  it('takes scheduled, targeted messages with a link', () => {
    const parsed = AnnouncementSettings.parse({
      rotateSeconds: 6,
      messages: [
        {
          ...message,
          end: '2026-12-24T18:00',
          countdown: true,
          weekdays: ['sat', 'sun'],
          paths: ['/', '/products/*'],
          devices: ['mobile'],
          link: { url: 'https://shop.example/sale', label: 'Shop now' },
        },
      ],
    });
    expect(parsed.messages[0]!.paths).toEqual(['/', '/products/*']);
  });

  it('takes the text and link text plain or per language, refusing an empty translation set', () => {
    const parse = (text: unknown, label: unknown) =>
      AnnouncementSettings.safeParse({
        rotateSeconds: 6,
        messages: [{ id: 'sale', text, link: { url: 'https://shop.example/sale', label } }],
      });
    expect(parse('Winter sale', 'Shop now').data?.messages[0]).toMatchObject({
      text: 'Winter sale',
      link: { label: 'Shop now' },
    });
    expect(
      parse({ en: 'Winter sale', fr: 'Soldes d’hiver' }, { en: 'Shop now', fr: 'Voir' }).data
        ?.messages[0],
    ).toMatchObject({
      text: { en: 'Winter sale', fr: 'Soldes d’hiver' },
      link: { label: { en: 'Shop now', fr: 'Voir' } },
    });
    expect(parse({}, 'Shop now').success).toBe(false);
    expect(parse('Winter sale', { xx: 'Voir' }).success).toBe(false);
  });

  it('refuses what would mislead a shopper, naming the field', () => {
    const issues = (messages: unknown[]) =>
      AnnouncementSettings.safeParse({ rotateSeconds: 6, messages }).error?.issues.map((issue) =>
        issue.path.join('.'),
      );
    expect(issues([{ ...message, end: '2026-11-30T08:00' }])).toEqual(['messages.0.end']);
    expect(issues([{ ...message, countdown: true }])).toEqual(['messages.0.countdown']);
    expect(issues([{ ...message, start: '2026-12-01 08:00' }])).toEqual(['messages.0.start']);
    expect(issues([{ ...message, paths: ['products/*'] }])).toEqual(['messages.0.paths.0']);
    expect(issues([{ ...message, link: { url: 'javascript:alert(1)', label: 'x' } }])).toEqual([
      'messages.0.link.url',
    ]);
    expect(issues([message, message])).toEqual(['messages.1.id']);
  });
});

import { describe, expect, it } from 'vitest';
import { diffStatements, toBlocks } from '@/lib/privacy/diff';

const before = `## Chat

- **Andre samtaler:** De slettes 30 dager etter at chatten er avsluttet.
- Vi lagrer ikke IP-adressen din.

## Kurs

Vi lagrer en ordre.

## Gammelt

Dette forsvinner.
`;

const after = `## Chat

- **Andre samtaler:** De slettes 20 dager etter at chatten er avsluttet.
- Vi lagrer ikke IP-adressen din.

## Kurs

Vi lagrer en ordre.

Ordren slettes når bokføringsloven tillater det.
`;

describe('toBlocks', () => {
  it('reads headings, paragraphs and list items as plain text under their heading', () => {
    expect(toBlocks(before).slice(0, 2)).toEqual([
      { text: 'Chat', section: 'Chat' },
      { text: 'Andre samtaler: De slettes 30 dager etter at chatten er avsluttet.', section: 'Chat' },
    ]);
  });
});

describe('diffStatements', () => {
  const changes = diffStatements(before, after);

  it('lists only what differs, under the heading it belongs to', () => {
    expect(changes.map((s) => s.section)).toEqual(['Chat', 'Kurs', 'Gammelt']);
  });

  it('marks the changed words inside a changed item', () => {
    const [chat] = changes;
    expect(chat!.changes).toHaveLength(1);
    expect(chat!.changes[0]!.kind).toBe('changed');
    expect(chat!.changes[0]!.parts.filter((p) => p.change)).toEqual([
      { text: '30', change: 'removed' },
      { text: '20', change: 'added' },
    ]);
  });

  it('shows added and removed paragraphs whole', () => {
    expect(changes[1]!.changes).toEqual([
      { kind: 'added', parts: [{ text: 'Ordren slettes når bokføringsloven tillater det.', change: 'added' }] },
    ]);
    expect(changes[2]!.changes.map((c) => [c.kind, c.parts[0]!.text])).toEqual([
      ['removed', 'Gammelt'],
      ['removed', 'Dette forsvinner.'],
    ]);
  });

  it('finds nothing between equal texts', () => {
    expect(diffStatements(before, before)).toEqual([]);
  });
});

import { buildFhirBundle } from '@sunlog/core/exchange/fhir/bundle';
import { CompactEncrypt } from 'jose';
import { describe, expect, test } from 'vitest';
import {
  buildFlare,
  buildIntake,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
  testId,
} from '../../../core/test/factories.ts';
import { readBundle, symptomMonthsOf } from './bundle-view.ts';
import { decryptCompactJwe } from './decrypt.ts';
import { base64UrlToBytes, needsPasscode, readShlink } from './link.ts';

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** A fresh 32-byte key and its base64url text, as a SMART Health Link carries it. */
function freshKey(): { bytes: Uint8Array; text: string } {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return { bytes, text: toBase64Url(bytes) };
}

/** A compact JWE the way the server makes one: alg dir, enc A256GCM, cty application/fhir+json. */
function encrypt(plain: string, key: Uint8Array): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(plain))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' })
    .encrypt(key);
}

function linkWith(payload: object): string {
  return `https://sunlog.example/view#shlink:/${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;
}

describe('decrypting a SMART Health Link file with WebCrypto', () => {
  test('a JWE made by jose decrypts to the same text, non-ASCII included', async () => {
    const key = freshKey();
    const plain = JSON.stringify({ resourceType: 'Bundle', note: 'Müde — 25 µg' });
    expect(await decryptCompactJwe(await encrypt(plain, key.bytes), key.text)).toBe(plain);
  });

  test('another key, a changed ciphertext or a changed header fails rather than giving wrong text', async () => {
    const key = freshKey();
    const jwe = await encrypt('{"resourceType":"Bundle"}', key.bytes);
    await expect(decryptCompactJwe(jwe, freshKey().text)).rejects.toThrow();
    const parts = jwe.split('.');
    const cipher = base64UrlToBytes(parts[3] ?? '');
    cipher[0] = (cipher[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], toBase64Url(cipher), parts[4]].join('.');
    await expect(decryptCompactJwe(tampered, key.text)).rejects.toThrow();
    // The header is the additional authenticated data: re-encoding it breaks the tag.
    const header = toBase64Url(
      new TextEncoder().encode(JSON.stringify({ enc: 'A256GCM', alg: 'dir', cty: 'application/fhir+json' })),
    );
    await expect(decryptCompactJwe([header, ...parts.slice(1)].join('.'), key.text)).rejects.toThrow();
  });

  test('refuses a JWE that is not alg dir with A256GCM', async () => {
    const key = freshKey();
    const other = await new CompactEncrypt(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'dir', enc: 'A128GCM' })
      .encrypt(key.bytes.slice(0, 16));
    await expect(decryptCompactJwe(other, key.text)).rejects.toThrow(/does not read/);
  });
});

describe('reading the link from the address', () => {
  const key = freshKey().text;
  const now = Date.parse('2026-06-01T12:00:00Z');

  test('reads url, key, exp, flag and label; P means a passcode', () => {
    const payload = {
      url: 'https://sunlog.example/shl/abc',
      key,
      exp: now / 1000 + 3600,
      flag: 'P',
      label: 'Dr S',
      v: 1,
    };
    const reading = readShlink(new URL(linkWith(payload)).hash, now);
    expect(reading).toEqual({ kind: 'ok', payload });
    expect(reading.kind === 'ok' && needsPasscode(reading.payload)).toBe(true);
    const plain = readShlink(linkWith({ url: 'https://sunlog.example/shl/abc', key, v: 1 }), now);
    expect(plain.kind === 'ok' && needsPasscode(plain.payload)).toBe(false);
  });

  test('a passed exp is expired; anything malformed is invalid', () => {
    expect(readShlink(linkWith({ url: 'https://a.example/shl/x', key, exp: now / 1000 - 1 }), now).kind).toBe(
      'expired',
    );
    for (const broken of [
      '',
      '#',
      '#shlink:/',
      '#shlink:/not*base64',
      `#shlink:/${toBase64Url(new TextEncoder().encode('not json'))}`,
      new URL(linkWith({ url: 'javascript:alert(1)', key })).hash,
      new URL(linkWith({ url: 'https://a.example/shl/x', key: 'short' })).hash,
      new URL(linkWith({ url: 'https://a.example/shl/x', key, v: 2 })).hash,
    ]) {
      expect(readShlink(broken, now).kind, broken).toBe('invalid');
    }
  });
});

describe('what the viewer reads from a Sunlog Bundle', () => {
  test('name, regimen, doses, blood results with bands, flare-ups, symptom months and the PDF', () => {
    const bundle = buildFhirBundle({
      person: { id: testId(9), displayName: 'Ada' },
      range: { from: '2026-01-01', to: '2026-03-31' },
      generatedAt: '2026-04-01T09:00:00+01:00',
      regimens: [buildRegimen()],
      intakes: [
        buildIntake(),
        buildIntake({
          id: testId(101),
          localDate: '2026-01-02',
          takenAt: '2026-01-02T08:00:00+01:00',
          status: 'skipped',
        }),
      ],
      labResults: [buildVitaminDResult({ level: { value: 62.4, unit: 'nmol/L' }, loincCode: '62292-8' })],
      symptomChecks: [
        buildSymptomCheck(),
        buildSymptomCheck({ id: testId(301), localDate: '2026-01-20', scores: { fatigue: 8 } }),
      ],
      flares: [buildFlare()],
    });
    const withPdf = {
      ...bundle,
      entry: [
        ...(bundle.entry ?? []),
        {
          resource: {
            resourceType: 'DocumentReference',
            description: 'Report for 2026-01-01 to 2026-03-31',
            content: [{ attachment: { contentType: 'application/pdf', data: 'JVBERi0=', title: 'Report' } }],
          },
        },
      ],
    };
    const view = readBundle(JSON.parse(JSON.stringify(withPdf)));
    expect(view.patientName).toBe('Ada');
    expect(view.range).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(view.regimens).toEqual([
      expect.objectContaining({ dosage: '1000 IU (25 µg) every day', start: '2026-01-01', active: true }),
    ]);
    expect(view.doses.map((dose) => [dose.date, dose.taken])).toEqual([
      ['2026-01-01', true],
      ['2026-01-02', false],
    ]);
    const [lab] = view.labResults;
    // 62.4 nmol/L exported in ng/mL by its mass LOINC code: 62.4 ÷ 2.496 = 25 (docs/medical-reference.md §1).
    expect(lab).toMatchObject({ date: '2026-02-10', value: 25, unit: 'ng/mL', vitaminDNgPerMl: 25 });
    expect(lab?.bands.length).toBe(3);
    expect(lab?.bands[0]).toMatch(/^IOM 2011: /);
    expect(view.flares).toEqual([
      expect.objectContaining({
        start: '2026-01-10',
        end: '2026-01-20',
        durationDays: 11,
        symptoms: 'blurred vision',
      }),
    ]);
    expect(view.symptomMonths.find((month) => month.scale === 'Fatigue')).toEqual({
      scale: 'Fatigue',
      month: '2026-01',
      mean: 7,
      low: 6,
      high: 8,
      days: 2,
    });
    expect(view.pdf).toEqual({ title: 'Report', base64: 'JVBERi0=' });
  });

  test('refuses what is not a Bundle; symptom months of nothing are none', () => {
    expect(() => readBundle({ resourceType: 'Patient' })).toThrow();
    expect(symptomMonthsOf([])).toEqual([]);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../../test-app.js';

describeEachDialect('CSV export of carts', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database().db);
  });

  async function exportOf(platformCartId: string): Promise<string> {
    const captured = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/carts`,
      { cart: { id: platformCartId, currency: 'EUR', subtotal: 1, items: [] } },
      { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A },
    );
    const { id } = (await captured.json()) as { id: string };
    const csv = await (
      await t.app.request('/v1/admin/carts.csv', {
        headers: { authorization: `Bearer ${t.shopA.secretKey}` },
      })
    ).text();
    const line = csv.split('\r\n').find((row) => row.startsWith(`${id},`));
    if (!line) throw new Error(`no row for ${id}`);
    // platform_cart_id is the last of 15 columns; the 14 before it hold no comma here.
    return line.split(',').slice(14).join(',');
  }

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('neutralises the formula %j', async (value, cell) => {
    expect(await exportOf(value)).toBe(cell);
  });

  it('quotes a cell holding a semicolon, the separator spreadsheets use in many locales', async () => {
    expect(await exportOf('a;=1+1')).toBe('"a;=1+1"');
  });

  it('writes amounts in the currency’s units, as a spreadsheet sums them: 12.50, not 1250', async () => {
    for (const [currency, subtotal, shown] of [
      ['EUR', 1250, '12.50'],
      ['JPY', 1250, '1250'],
    ] as const) {
      const captured = await t.json(
        'POST',
        `/v1/shops/${t.shopA.shopId}/carts`,
        { cart: { currency, subtotal, items: [] } },
        { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A },
      );
      const { id } = (await captured.json()) as { id: string };
      const csv = await (
        await t.app.request('/v1/admin/carts.csv', {
          headers: { authorization: `Bearer ${t.shopA.secretKey}` },
        })
      ).text();
      const [header, ...rows] = csv.split('\r\n');
      const columns = header!.split(',');
      const row = rows.find((line) => line.startsWith(`${id},`))!.split(',');
      expect(row[columns.indexOf('currency')]).toBe(currency);
      expect(row[columns.indexOf('subtotal')]).toBe(shown);
    }
  });

  it('names the file after the days it holds, so two exports do not overwrite each other', async () => {
    const fileName = async (query: string) =>
      (
        await t.app.request(`/v1/admin/carts.csv${query}`, {
          headers: { authorization: `Bearer ${t.shopA.secretKey}` },
        })
      ).headers.get('content-disposition');
    const shop = t.shopA.shopId;
    expect(await fileName('?from=2026-11-01&to=2026-11-30')).toBe(
      `attachment; filename="carts-${shop}-2026-11-01-to-2026-11-30.csv"`,
    );
    expect(await fileName('?from=2026-12-01')).toBe(
      `attachment; filename="carts-${shop}-2026-12-01-to-now.csv"`,
    );
    expect(await fileName('')).toBe(`attachment; filename="carts-${shop}-all.csv"`);
  });
});

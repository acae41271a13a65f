// Chinese and Russian news and a fund-holdings table: names in local script, exchange codes with
// leading zeros and suffixes, ISINs — and the neighbouring companies that are on no list stay plain.
import { expect, openPopupFor, test } from './fixtures';

test('highlights Chinese, Russian and holdings-table mentions, and only those', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/world-markets.html'));
  const painted = async () =>
    page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => range.toString())));

  const expected = ['小米集团', '中国移动', '海康威视', '宁德时代', 'Роснефти', 'Сбербанк', 'Газпром нефть', 'ЛУКОЙЛа', 'Банк ВТБ', 'HK0941009539'];
  await expect
    .poll(async () => {
      const now = await painted();
      return expected.filter((text) => !now.includes(text));
    }, { timeout: 15_000 })
    .toEqual([]);

  const all = (await painted()).join(' | ');
  for (const bystander of ['Taiwan Semiconductor', 'Samsung', 'Infosys', 'TW0002330008', 'INFY', 'Мосбиржи']) {
    expect(all).not.toContain(bystander);
  }

  const popup = await openPopupFor(extension.context, extension.extensionId, extension.worker, page);
  const found = popup.locator('[data-testid="finding"]');
  await expect.poll(async () => (await found.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entity-id')))).sort()).toEqual(
    [
      'china-mobile-limited',
      'contemporary-amperex-technology-co-limited',
      'gazprom-neft',
      'hangzhou-hikvision-digital-technology-co-ltd',
      'lukoil',
      'rosneft',
      'sberbank',
      'tencent-holdings-limited',
      'vtb-bank',
      'xiaomi-corporation',
    ],
  );
  // Gazprom Neft is its own company: the parent Gazprom is not claimed from "Газпром нефть".
  await expect(popup.locator('[data-entity-id="gazprom"]')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

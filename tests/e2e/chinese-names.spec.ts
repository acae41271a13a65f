// A Chinese-language market report: companies named only by their Chinese registered or exchange short
// name (中航沈飞, 航天彩虹, 京东方…) are highlighted, a Traditional spelling too, and listed-company
// bystanders (贵州茅台, 招商银行, 台积电) stay plain. Addsino's short name 航天发展, also an everyday phrase, is
// marked where the text introduces it beside the company's registered name and code.
import { expect, openPopupFor, test } from './fixtures';

test('highlights NS-CMIC and 1260H companies named in Chinese script, and only those', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/zh-defense-stocks.html'));
  const painted = async () =>
    page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => range.toString())));

  const expected = [
    '中航沈飞', '中航西飞', '洪都航空', '航天彩虹', '北方导航', '内蒙一机', '中国航空工业集团有限公司',
    '长江存储', '京东方', '药明康德', '禾赛科技', '速腾聚创', '宇树科技', '京東方科技集團股份有限公司',
    '航天工业发展股份有限公司', '航天发展', '000547',
  ];
  await expect
    .poll(async () => {
      const now = await painted();
      return expected.filter((text) => !now.includes(text));
    }, { timeout: 15_000 })
    .toEqual([]);

  const all = (await painted()).join(' | ');
  for (const bystander of ['贵州茅台', '招商银行', '台积电']) expect(all).not.toContain(bystander);

  const popup = await openPopupFor(extension.context, extension.extensionId, extension.worker, page);
  const found = popup.locator('[data-testid="finding"]');
  await expect
    .poll(async () => (await found.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entity-id')))).sort())
    .toEqual(expect.arrayContaining(['dongan-heibao-co-ltd', 'aerospace-ch-uav-co-ltd', 'boe-technology-group-company-limited', 'beijing-north-phenix-intelligence-technology-co-ltd', 'addsino-co-ltd']));
  await popup.screenshot({ path: 'test-results/chinese-names-popup.png' });
  expect(pageErrors).toEqual([]);
});

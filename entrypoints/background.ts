// Wiring only: the feed updater, the per-tab findings and badge, and the message handlers.
export default defineBackground(() => {
  console.info('Sanctions Lens background started');
});

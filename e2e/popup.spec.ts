/** The toolbar popup, opened as a tab: it lists the configured assistant and offers the sidebar. */
import { expect, test } from './support/extension';

test('the popup lists the configured assistant as the active one', async ({ assistant, pages }) => {
  const popup = await pages.openPopup();
  await expect(popup.assistantPicker).toBeVisible();
  await expect(popup.assistantOptions).toHaveCount(1);
  const option = popup.assistantOptions.first();
  await expect(option).toContainText(assistant.model);
  await expect(option).toHaveAttribute('aria-checked', 'true');
  await expect(popup.openSidebar).toBeVisible();
});

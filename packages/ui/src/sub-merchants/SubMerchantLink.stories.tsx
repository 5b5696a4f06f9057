import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { RoutingSplitEditor } from '../routing/RoutingSplitEditor.js';
import { kit } from '../testing/storyParameters.js';
import { SubMerchantLink } from './SubMerchantLink.js';
import { useSubMerchantAccounts } from './useSubMerchantAccounts.js';

const meta = {
  title: 'Operator/SubMerchantLink',
  component: SubMerchantLink,
  args: { onLinked: fn(), onRenamed: fn() },
} satisfies Meta<typeof SubMerchantLink>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

const TOKEN = 'smt_live_5f2b9c0e7a1d4e3f8b6a';

async function linkOne(canvas: Canvas) {
  await userEvent.type(await canvas.findByRole('textbox', { name: /Токен|token/ }), TOKEN);
  await userEvent.type(canvas.getByRole('textbox', { name: /Название|Name/ }), 'Кофейня у парка');
  await userEvent.click(canvas.getByRole('button', { name: /^(Привязать|Link)$/ }));
}

async function startRename(canvas: Canvas) {
  await userEvent.click(await canvas.findByRole('button', { name: /^Переименовать Без названия/ }));
}

export const List: Story = {};
export const Loading: Story = { parameters: kit({ scenario: { pending: ['listSubMerchants'] } }) };
export const Empty: Story = { parameters: kit({ scenario: { subMerchants: [] } }) };
export const LoadError: Story = {
  parameters: kit({ scenario: { errors: { listSubMerchants: { code: 'UPSTREAM_UNAVAILABLE' } } } }),
};
export const Invalid: Story = {
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByRole('textbox', { name: /Токен/ }), 'short');
    await userEvent.click(canvas.getByRole('button', { name: 'Привязать' }));
    await expect(canvas.getByText('Вставьте токен целиком: не короче 10 символов')).toBeTruthy();
  },
};
export const Linking: Story = {
  parameters: kit({ scenario: { pending: ['linkSubMerchant'] } }),
  play: async ({ canvas }) => {
    await linkOne(canvas);
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Привязать' }).getAttribute('aria-disabled')).toBe('true'),
    );
  },
};
export const Linked: Story = {
  play: async ({ canvas }) => {
    await linkOne(canvas);
    await expect(await canvas.findByText(/^Привязан: Кофейня у парка · 3f2504e0$/)).toBeTruthy();
  },
};
export const LinkRejected: Story = {
  parameters: kit({
    scenario: { errors: { linkSubMerchant: { code: 'UPSTREAM_REJECTED', message: 'Unknown token' } } },
  }),
  play: async ({ canvas }) => {
    await linkOne(canvas);
    await expect(await canvas.findByRole('alert')).toBeTruthy();
  },
};
export const Renaming: Story = { play: async ({ canvas }) => startRename(canvas) };
export const Renamed: Story = {
  play: async ({ canvas }) => {
    await startRename(canvas);
    await userEvent.type(
      await canvas.findByRole('textbox', { name: /^Новое название/ }),
      'Книжная лавка{Enter}',
    );
    await expect(await canvas.findByText(/^Переименован: Книжная лавка · 8ba85f01$/)).toBeTruthy();
  },
};

/** The routing editor of the same page, offering the linked sub-merchants by their names. */
function LinkedEditor() {
  const { accounts } = useSubMerchantAccounts();
  return <RoutingSplitEditor total={500000n} accounts={accounts} />;
}

/** A name given here reaches the split editor at once: its accounts are the same query. */
export const NamesInTheEditor: Story = {
  render: (args) => (
    <>
      <SubMerchantLink {...args} />
      <LinkedEditor />
    </>
  ),
  play: async ({ canvas }) => {
    await startRename(canvas);
    await userEvent.type(
      await canvas.findByRole('textbox', { name: /^Новое название/ }),
      'Книжная лавка{Enter}',
    );
    await expect(await canvas.findByRole('option', { name: 'Книжная лавка · 8ba85f01' })).toBeTruthy();
  },
};
export const Dark: Story = { ...Renaming, parameters: kit({ theme: 'dark' }) };
export const English: Story = {
  parameters: kit({ locale: 'en' }),
  play: async ({ canvas }) => {
    await linkOne(canvas);
    await expect(await canvas.findByText(/^Linked: Кофейня у парка · 3f2504e0$/)).toBeTruthy();
  },
};

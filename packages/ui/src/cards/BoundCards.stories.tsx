import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakeCards, fakeIds } from '../testing/createFakeBffClient.js';
import { FAKE_HOSTED_SRC } from '../testing/fakeHostedFields.js';
import { hostedFields, withFakeHostedFields } from '../testing/hostedStory.js';
import { kit } from '../testing/storyParameters.js';
import { BoundCards } from './BoundCards.js';

const meta = {
  title: 'Components/BoundCards',
  component: BoundCards,
  args: { hostedScriptSrc: FAKE_HOSTED_SRC },
  beforeEach: withFakeHostedFields,
} satisfies Meta<typeof BoundCards>;

export default meta;
type Story = StoryObj<typeof meta>;

const pendingCard = {
  id: '0badc0de-0000-4000-8000-000000000002',
  status: 'pending' as const,
  cardMasked: null,
  cardHolder: null,
  expiryMonth: null,
  expiryYear: null,
  createdAt: '2025-04-01T10:00:00.000Z',
};
const failedCard = {
  ...pendingCard,
  id: '0badc0de-0000-4000-8000-000000000001',
  status: 'failed' as const,
  cardMasked: '400000******0002',
};

const linkACard = async (canvas: Parameters<NonNullable<Story['play']>>[0]['canvas']) => {
  await userEvent.click(await canvas.findByRole('button', { name: 'Привязать карту' }));
  const form = await canvas.findByRole('form', { name: 'Данные карты' });
  await waitFor(() => expect(form.getAttribute('data-state')).toBe('ready'));
  return form;
};

export const List: Story = {};
export const Empty: Story = { parameters: kit({ scenario: { cards: { list: [] } } }) };
export const Loading: Story = { parameters: kit({ scenario: { pending: ['listCards'] } }) };
export const PendingAndFailed: Story = {
  parameters: kit({ scenario: { cards: { list: [pendingCard, failedCard, ...fakeCards] } } }),
};
export const BindingForm: Story = {
  parameters: kit({ scenario: { cards: { list: [] } } }),
  play: async ({ canvas }) => {
    await linkACard(canvas);
    await expect(canvas.getAllByText('Привязываем…').length).toBeGreaterThan(0);
  },
};
export const BindingChecking: Story = {
  parameters: kit({ scenario: { cards: { list: fakeCards.slice(0, 1) } } }),
  play: async ({ canvas }) => {
    const form = await linkACard(canvas);
    await userEvent.click(await waitFor(() => form.querySelector<HTMLElement>('[data-slot="submit"]')!));
    await expect(await canvas.findByRole('heading', { name: 'Данные карты приняты' })).toBeTruthy();
  },
};
export const BindingCompletes: Story = {
  parameters: kit({ scenario: { cards: { list: [], bindingResult: 'active', bindingDelayMs: 200 } } }),
  play: async ({ canvas }) => {
    await linkACard(canvas);
    await expect(await canvas.findByText('Карта •• 4444 привязана.', {}, { timeout: 3000 })).toBeTruthy();
  },
};
export const BindingFailed: Story = {
  parameters: kit({ scenario: { cards: { bindingResult: 'failed', bindingDelayMs: 100 } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Привязать карту' }));
    await expect(await canvas.findByText(/Карту не удалось привязать/, {}, { timeout: 3000 })).toBeTruthy();
  },
};
export const HostedScriptError: Story = {
  parameters: { ...kit({ scenario: { cards: { list: [] } } }), ...hostedFields({ failLoads: true }) },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Привязать карту' }));
    await expect(await canvas.findByText(/Не удалось загрузить защищённую форму карты/)).toBeTruthy();
  },
};
export const LoadError: Story = {
  parameters: kit({ scenario: { errors: { listCards: { code: 'UPSTREAM_UNAVAILABLE' } } } }),
};
export const StartError: Story = {
  parameters: kit({ scenario: { errors: { startCardBinding: { code: 'UPSTREAM_TIMEOUT' } } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Привязать карту' }));
    await expect(await canvas.findByText(/Банк не отвечает/)).toBeTruthy();
  },
};
export const ConfirmRemove: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Удалить карту •• 1111' }));
    await expect(canvas.getByText('Удалить карту •• 1111 из списка?')).toBeTruthy();
  },
};
export const Removed: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Удалить карту •• 1111' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Да, удалить' }));
    await expect(await canvas.findByText('Карта •• 1111 удалена.')).toBeTruthy();
  },
};
export const Selectable: Story = {
  args: { selectable: true, defaultValue: fakeIds.cardVisa },
  parameters: kit({ scenario: { cards: { list: [pendingCard, ...fakeCards] } } }),
  play: async ({ canvas }) => {
    const visa = await canvas.findByRole('radio', { name: /4111 11•• •••• 1111/ });
    await expect(visa).toHaveProperty('checked', true);
  },
};
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkBindingForm: Story = {
  ...BindingForm,
  parameters: kit({ theme: 'dark', scenario: { cards: { list: [pendingCard, ...fakeCards] } } }),
};
export const English: Story = {
  parameters: kit({ locale: 'en' }),
  args: { selectable: true },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { FAKE_HOSTED_SRC } from '../testing/fakeHostedFields.js';
import { hostedFields, withFakeHostedFields } from '../testing/hostedStory.js';
import { kit } from '../testing/storyParameters.js';
import { HostedCardForm } from './HostedCardForm.js';

const meta = {
  title: 'Components/HostedCardForm',
  component: HostedCardForm,
  args: { operationId: 'js-op-7c9e6679', scriptSrc: FAKE_HOSTED_SRC },
  beforeEach: withFakeHostedFields,
} satisfies Meta<typeof HostedCardForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const ready = async (canvasElement: HTMLElement) =>
  waitFor(() =>
    expect(canvasElement.querySelector('[data-slot="root"]')?.getAttribute('data-state')).toBe('ready'),
  );

export const Ready: Story = {
  play: async ({ canvasElement }) => ready(canvasElement),
};
export const Loading: Story = { parameters: hostedFields({ loadDelayMs: Number.POSITIVE_INFINITY }) };
export const FieldStates: Story = {
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Card number' }), '4111');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Cardholder name' }), 'IVAN IVANOV');
    await userEvent.click(canvas.getByRole('textbox', { name: 'Expiry date' }));
    await expect(await canvas.findByText('Проверьте номер карты.')).toBeTruthy();
  },
};
export const Processing: Story = {
  parameters: hostedFields({ processDelayMs: Number.POSITIVE_INFINITY }),
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Оплатить' }));
    await expect(
      (await canvas.findByRole('button', { name: 'Отправляем…' })).getAttribute('aria-disabled'),
    ).toBe('true');
  },
  args: { submitLabel: 'Оплатить' },
};
export const Success: Story = {
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Продолжить' }));
    await expect(await canvas.findByRole('heading', { name: 'Данные карты приняты' })).toBeTruthy();
  },
};
export const Declined: Story = {
  parameters: hostedFields({ result: 'error' }),
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Продолжить' }));
    await expect(await canvas.findByText(/Карта не принята/)).toBeTruthy();
  },
};
export const LoadError: Story = {
  parameters: hostedFields({ failLoads: true }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Не удалось загрузить защищённую форму карты/)).toBeTruthy();
  },
};
export const Dark: Story = {
  parameters: kit({ theme: 'dark' }),
  play: async ({ canvasElement }) => ready(canvasElement),
};
export const DarkLoadError: Story = {
  parameters: { ...kit({ theme: 'dark' }), ...hostedFields({ failLoads: true }) },
  play: LoadError.play,
};
export const English: Story = {
  parameters: kit({ locale: 'en' }),
  play: async ({ canvasElement }) => ready(canvasElement),
};

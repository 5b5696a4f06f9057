import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { kit, validKycValues } from '../testing/storyParameters.js';
import { EspKycForm } from './EspKycForm.js';

const meta = {
  title: 'Components/EspKycForm',
  component: EspKycForm,
} satisfies Meta<typeof EspKycForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const submit: Story['play'] = async ({ canvas }) => {
  await userEvent.click(canvas.getByRole('button', { name: /Открыть кошелёк|Open wallet/ }));
};

export const Empty: Story = {};
export const Filled: Story = { args: { defaultValues: validKycValues } };
export const DifferentHomeAddress: Story = {
  args: { defaultValues: { ...validKycValues, same_address: false, living_address: 'Москва, ул. Мира, 5' } },
};
export const Invalid: Story = {
  play: async (context) => {
    await submit(context);
    await expect(await context.canvas.findByText(/Исправьте ошибки в форме/)).toBeTruthy();
  },
};
export const BadChecksums: Story = {
  args: { defaultValues: { ...validKycValues, inn: '777777777777', snils: '140-120-150 35' } },
  play: async (context) => {
    await submit(context);
    await expect(
      await context.canvas.findByText(/Контрольные цифры ИНН/, { selector: '[data-slot="field-error"]' }),
    ).toBeTruthy();
  },
};
export const ServerFieldErrors: Story = {
  args: { defaultValues: validKycValues },
  parameters: kit({
    scenario: {
      errors: {
        createWallet: {
          code: 'VALIDATION_FAILED',
          fields: {
            'document.serial': ['Passport series must be 4 digits'],
            'phones.0.phone': ['Enter a Russian phone number, e.g. +7 901 763-63-53'],
          },
        },
      },
    },
  }),
  play: async (context) => {
    await submit(context);
    await expect(await context.canvas.findByText('Серия паспорта — 4 цифры')).toBeTruthy();
  },
};
export const Pending: Story = {
  args: { defaultValues: validKycValues },
  parameters: kit({ scenario: { pending: ['createWallet'] } }),
  play: async (context) => {
    await submit(context);
    await expect(await context.canvas.findByText('Отправляем данные…')).toBeTruthy();
  },
};
export const Success: Story = {
  args: { defaultValues: validKycValues },
  play: async (context) => {
    await submit(context);
    await expect(
      await context.canvas.findByRole('heading', { name: 'Заявка на кошелёк принята' }),
    ).toBeTruthy();
  },
};
export const NetworkError: Story = {
  args: { defaultValues: validKycValues },
  parameters: kit({ scenario: { errors: { createWallet: { code: 'NETWORK' } } } }),
  play: async (context) => {
    await submit(context);
    await expect(await context.canvas.findByText(/Нет связи с сервером/)).toBeTruthy();
  },
};
export const UpstreamRejected: Story = {
  args: { defaultValues: validKycValues },
  parameters: kit({ scenario: { errors: { createWallet: { code: 'UPSTREAM_REJECTED' } } } }),
  play: async (context) => {
    await submit(context);
    await expect(await context.canvas.findByRole('heading', { name: 'Банк отклонил операцию' })).toBeTruthy();
  },
};
export const Dark: Story = { args: { defaultValues: validKycValues }, parameters: kit({ theme: 'dark' }) };
export const DarkInvalid: Story = { ...Invalid, parameters: kit({ theme: 'dark' }) };
export const English: Story = { parameters: kit({ locale: 'en' }) };
export const EnglishInvalid: Story = {
  parameters: kit({ locale: 'en' }),
  play: async (context) => {
    await submit(context);
    await expect(await context.canvas.findByText(/Please fix the errors/)).toBeTruthy();
  },
};

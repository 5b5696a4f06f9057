import { type FakeHostedFieldsOptions, installFakeHostedFields } from './fakeHostedFields.js';

/** Story parameters for the fake `window.mandarinpay`, under `parameters.hostedFields`. */
export function hostedFields(options: FakeHostedFieldsOptions): { hostedFields: FakeHostedFieldsOptions } {
  return { hostedFields: options };
}

/** A story `beforeEach`: installs the fake hosted fields the story asks for, and removes them after. */
export function withFakeHostedFields({ parameters }: { parameters: Record<string, unknown> }) {
  const fake = installFakeHostedFields((parameters.hostedFields ?? {}) as FakeHostedFieldsOptions);
  return () => fake.uninstall();
}

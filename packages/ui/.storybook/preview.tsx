import type { Decorator, Preview } from '@storybook/react-vite';
import { KitStory, type KitStoryParameters } from '../src/testing/KitStory.js';
import '../src/styles.css';
import './preview.css';

const withKit: Decorator = (Story, context) => {
  const parameters = (context.parameters.mandarinKit ?? {}) as KitStoryParameters;
  return (
    <KitStory
      scenario={parameters.scenario}
      locale={parameters.locale ?? (context.globals.locale as 'ru' | 'en' | undefined) ?? 'ru'}
      theme={parameters.theme ?? (context.globals.theme as 'light' | 'dark' | undefined) ?? 'light'}
    >
      <Story />
    </KitStory>
  );
};

const preview: Preview = {
  decorators: [withKit],
  globalTypes: {
    locale: {
      description: 'Language of the kit',
      toolbar: { title: 'Locale', icon: 'globe', items: ['ru', 'en'], dynamicTitle: true },
    },
    theme: {
      description: 'Colour scheme of the kit',
      toolbar: { title: 'Theme', icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'ru', theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // The a11y addon runs axe on every story; a violation fails the story's test.
    a11y: { test: 'error' },
  },
};

export default preview;

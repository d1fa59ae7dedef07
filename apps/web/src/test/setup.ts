import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { addAllTexts } from '../lib/i18n';
import { enModules } from '../lib/locales/modules.en';
import { idModules } from '../lib/locales/modules.id';

addAllTexts({ en: enModules, id: idModules });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// jsdom lacks the layout APIs Mantine's components ask for.
const { getComputedStyle } = window;
window.getComputedStyle = (element, pseudo) => getComputedStyle(element, pseudo);
window.HTMLElement.prototype.scrollIntoView = () => {};
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

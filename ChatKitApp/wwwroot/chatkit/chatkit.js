// @ts-check
// Entry module of the offline ChatKit element. Importing it defines <openai-chatkit> unless an
// element of that name already exists (OpenAI's CDN script won the race, or we ran twice):
// a custom element name can be defined only once per page.

import { OpenAIChatKitElement } from './element.js';

if (!customElements.get('openai-chatkit')) {
  customElements.define('openai-chatkit', OpenAIChatKitElement);
}

export { OpenAIChatKitElement };

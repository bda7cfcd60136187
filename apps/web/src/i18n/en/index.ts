import { namespacesOf } from '../namespaces';

/** Every namespace in English: one chunk, loaded when the page first speaks the language. */
export default namespacesOf(import.meta.glob<object>('./*.json', { eager: true, import: 'default' }));

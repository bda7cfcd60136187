import { namespacesOf } from '../namespaces';

/** Every namespace in Swedish: one chunk, loaded when the page first speaks the language. */
export default namespacesOf(import.meta.glob<object>('./*.json', { eager: true, import: 'default' }));

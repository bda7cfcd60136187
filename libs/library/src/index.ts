// The results library's public surface.
export { CONSENT_PARTS, shownParts, type ConsentPart } from './consent-parts.js';
export { LibraryHttpModule } from './http/library-http.module.js';
export { LIBRARY_ENTITIES } from './library.entities.js';
export { LIBRARY_PROBLEMS } from './library.errors.js';
export { LibraryModule } from './library.module.js';
export { ResultsService } from './results.service.js';
export type { PublicationView, ResultView } from './result.view.js';
export { LIBRARY_TOPICS } from './messages/library.topics.js';

/** Where this browser keeps the language a person chose; read by the app and by index.html's preload script. */
export const STORAGE_KEY = 'slussen.language';

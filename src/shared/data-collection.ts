/**
 * What Aside declares to Firefox's built-in data consent (manifest `browser_specific_settings.gecko.
 * data_collection_permissions`). A chat goes to a model outside the browser only when the user picks one
 * (a remote API, or Ollama and the like on their own machine or network): that is transmission of chat
 * messages (personalCommunications) read from a web page (websiteContent) in Mozilla's taxonomy. Nothing is
 * sent by default, so both are optional: the options page asks Firefox for them when such an assistant is
 * saved, and the background refuses to send while they are not granted. Chrome has no such consent.
 */
export const DATA_COLLECTION_TYPES = ['personalCommunications', 'websiteContent'] as const;

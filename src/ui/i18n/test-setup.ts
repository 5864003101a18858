/** Unit tests render the interface in English, read from the same catalogue the browser uses. */
import en from '../../../public/_locales/en/messages.json';
import { createCatalogueSource, type Catalogue } from './catalogue-source';
import { installMessageSource } from './message-source';

installMessageSource(createCatalogueSource(en as Catalogue));

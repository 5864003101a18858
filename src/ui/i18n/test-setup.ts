/** Unit tests render the interface in English, read from the same catalogue files the build merges. */
import { readLocaleCatalogue } from './catalogue-files';
import { createCatalogueSource } from './catalogue-source';
import { installMessageSource } from './message-source';

installMessageSource(createCatalogueSource(readLocaleCatalogue('en')));

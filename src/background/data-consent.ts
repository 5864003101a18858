/**
 * Firefox's built-in data consent, enforced where data leaves: every request to a model outside the
 * browser first checks that the user still grants the data types Aside declares (they can be turned off
 * at any time in about:addons). Browsers without that consent (Chrome) report no `data_collection`, and
 * there the consent dialog and the granted origin are the gates, as everywhere.
 */
import { DATA_COLLECTION_TYPES } from '../shared/data-collection';
import { BackgroundError, userError } from './errors';
import { wording } from '../shared/wording';

export interface DataConsentPermissions {
  getAll(): Promise<{ data_collection?: string[] }>;
}

/** True where the browser has no built-in data consent, or the user grants every type Aside declares. */
export async function dataTransmissionAllowed(permissions: DataConsentPermissions): Promise<boolean> {
  const granted = (await permissions.getAll()).data_collection;
  if (!Array.isArray(granted)) return true;
  return DATA_COLLECTION_TYPES.every((type) => granted.includes(type));
}

/** `fetchImplementation`, refusing before anything is sent while Firefox's data consent is withheld. */
export function withDataConsent(permissions: DataConsentPermissions, fetchImplementation: typeof fetch): typeof fetch {
  return async (input, init) => {
    if (!(await dataTransmissionAllowed(permissions))) {
      throw new BackgroundError(
        userError(
          'config',
          wording('error_firefoxDataConsentOff'),
          wording('error_firefoxDataConsentOffHint'),
        ),
      );
    }
    return fetchImplementation(input, init);
  };
}

import type { CredentialRegistry } from '../auth/credential-registry';
import type { CredentialResolver } from '../http/types';
import { iamStoreOf } from '../store/iam-store';
import type { Store } from '../store/store';

/**
 * IAM users' access keys, read from the store on every request: a key signs from the moment CreateAccessKey
 * returns it, and stops when it is made Inactive or deleted (the caller then gets InvalidAccessKeyId /
 * InvalidClientTokenId, as an unknown key does).
 */
export function iamUserKeyResolver(store: Store): CredentialResolver {
  return (accessKeyId) => {
    if (!accessKeyId.startsWith('AKIA')) return undefined;
    const iam = iamStoreOf(store);
    const key = iam.accessKeys.find(accessKeyId);
    if (!key || key.status !== 'Active') return undefined;
    const user = iam.users.find(key.userName);
    if (!user) return undefined;
    return { secretAccessKey: key.secretAccessKey, principal: { type: 'user', userName: user.name, arn: user.arn } };
  };
}

/** Registers IAM users' keys after the keys already registered (the root key); returns the unregister function. */
export function registerIamUserKeys(registry: CredentialRegistry, store: Store): () => void {
  return registry.register(iamUserKeyResolver(store));
}

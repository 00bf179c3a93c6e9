import type { CredentialResolver, ResolvedCredential } from '../http/types';

/**
 * The access keys the endpoint accepts: resolvers are asked in registration order (the root key first; the IAM
 * module registers one for IAM users' keys).
 */
export class CredentialRegistry {
  private readonly resolvers: CredentialResolver[] = [];

  register(resolver: CredentialResolver): () => void {
    this.resolvers.push(resolver);
    return () => {
      const index = this.resolvers.indexOf(resolver);
      if (index >= 0) this.resolvers.splice(index, 1);
    };
  }

  readonly resolve: CredentialResolver = (accessKeyId: string): ResolvedCredential | undefined => {
    for (const resolver of this.resolvers) {
      const found = resolver(accessKeyId);
      if (found) return found;
    }
    return undefined;
  };
}

export function rootKeyResolver(accessKeyId: string, secretAccessKey: string): CredentialResolver {
  return (candidate) => (candidate === accessKeyId ? { secretAccessKey, principal: { type: 'root' } } : undefined);
}

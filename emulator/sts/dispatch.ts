import type { Principal } from '../http/types';
import { ACCOUNT_ID, ROOT_ARN } from '../iam/account';
import { IamError } from '../iam/iam-error';
import { iamStoreOf } from '../store/iam-store';
import type { Store } from '../store/store';
import { element } from '../iam/xml';

export const STS_VERSION = '2011-06-15';

interface StsCall {
  store: Store;
  principal: Principal;
}

type StsActionHandler = (call: StsCall) => string;

/** GetCallerIdentity needs no permission, as on AWS. */
const getCallerIdentity: StsActionHandler = ({ store, principal }) => {
  if (principal.type === 'root') {
    return element('Arn', ROOT_ARN) + element('UserId', ACCOUNT_ID) + element('Account', ACCOUNT_ID);
  }
  const user = iamStoreOf(store).users.find(principal.userName);
  return element('Arn', principal.arn) + element('UserId', user?.id ?? principal.userName) + element('Account', ACCOUNT_ID);
};

const STS_ACTIONS: Record<string, StsActionHandler> = {
  GetCallerIdentity: getCallerIdentity,
};

/** The result XML of an STS action; InvalidAction for the ones this endpoint does not have. */
export function runStsAction(action: string, call: StsCall): string {
  const handler = Object.hasOwn(STS_ACTIONS, action) ? STS_ACTIONS[action] : undefined;
  if (!handler) throw new IamError('InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`, 400);
  return handler(call);
}

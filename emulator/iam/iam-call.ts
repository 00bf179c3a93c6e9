import type { Principal } from '../http/types';
import type { IamStore } from '../store/iam-store';
import type { Store } from '../store/store';
import type { QueryParams } from './query-params';

/** What an IAM action handler gets: its parameters, the IAM store and the caller. */
export interface IamCall {
  /** e.g. `CreateRole`. */
  action: string;
  params: QueryParams;
  iam: IamStore;
  store: Store;
  principal: Principal;
  /**
   * Authorizes `iam:<action>` on `resource` for the caller (IAM's AccessDenied otherwise). Handlers call it after
   * validating their parameters and before acting; the dispatcher refuses a handler that never calls it.
   */
  authorize(resource: string): void;
}

/** Returns the inner XML of `<XxxResult>`, or undefined for actions whose response has no result. */
export type IamActionHandler = (call: IamCall) => string | undefined;

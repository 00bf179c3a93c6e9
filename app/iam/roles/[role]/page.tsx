import { RoleDetails } from '@/components/iam/role-details';
import { iamEntityRoute } from '@/app/iam/entity-route';

const route = iamEntityRoute('role', (name) => <RoleDetails roleName={name} />);

export const generateMetadata = route.generateMetadata;
export default route.EntityPage;

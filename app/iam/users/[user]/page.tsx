import { UserDetails } from '@/components/iam/user-details';
import { iamEntityRoute } from '@/app/iam/entity-route';

const route = iamEntityRoute('user', (name) => <UserDetails userName={name} />);

export const generateMetadata = route.generateMetadata;
export default route.EntityPage;

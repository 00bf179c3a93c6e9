import { GroupDetails } from '@/components/iam/group-details';
import { iamEntityRoute } from '@/app/iam/entity-route';

const route = iamEntityRoute('group', (name) => <GroupDetails groupName={name} />);

export const generateMetadata = route.generateMetadata;
export default route.EntityPage;

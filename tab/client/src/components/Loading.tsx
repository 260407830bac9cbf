import { Spinner } from '@fluentui/react-components';

export const Loading = ({ label }: { label: string }) => <Spinner size="small" label={label} labelPosition="after" />;

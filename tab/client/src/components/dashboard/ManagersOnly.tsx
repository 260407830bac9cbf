import { MessageBar, MessageBarBody, MessageBarTitle, Title2 } from '@fluentui/react-components';

/** What a worker sees at a managers' page (the API refuses them too). */
export function ManagersOnly({ title }: { title: string }) {
  return (
    <>
      <Title2 as="h1">{title}</Title2>
      <MessageBar intent="info" layout="multiline" data-testid="managers-only">
        <MessageBarBody>
          <MessageBarTitle>Only managers and admins</MessageBarTitle>
          This page is only for managers and admins. Your cases are under My cases.
        </MessageBarBody>
      </MessageBar>
    </>
  );
}

export const managesService = (roles: readonly string[]): boolean => roles.includes('manager') || roles.includes('admin');

import type { Contact, School, Staff } from '../../workflow';

/** Fictional reference records for the SharePoint adapter tests. */
const contact = (name: string): Contact => ({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@school.example.org` });

export const sampleSchool = (urn: string, name: string): Omit<School, 'id'> => ({
  name,
  urn,
  type: 'maintained',
  phase: 'primary',
  localAuthority: 'Fictional Borough',
  headteacher: contact('Head Teacher'),
  senco: contact('Senco Person'),
  finance: contact('Finance Office'),
});

export const sampleStaff = (userId: string, displayName: string, email: string): Omit<Staff, 'id'> => ({
  userId,
  displayName,
  email,
  roles: ['worker'],
  active: true,
  capacityHours: 30,
});

import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { MessageKey } from './messages';
import type { Access } from './session';

export interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: ReactNode;
  /** Who sees the entry and may open the page; the server checks again on every request. */
  roles: Access;
  page: LazyExoticComponent<ComponentType>;
  testId: string;
}

/** The side navigation, in display order. A new capability adds one entry here. */
export const NAV: NavItem[] = [
  {
    path: '/org-units',
    labelKey: 'nav.orgUnits',
    icon: <ApartmentOutlined />,
    roles: 'all',
    page: lazy(() => import('../features/orgunits/OrgUnitsPage')),
    testId: 'nav-orgunits',
  },
  {
    path: '/users',
    labelKey: 'nav.users',
    icon: <TeamOutlined />,
    roles: ['admin'],
    page: lazy(() => import('../features/users/UsersPage')),
    testId: 'nav-users',
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    roles: ['admin', 'auditor'],
    page: lazy(() => import('../features/audit/AuditPage')),
    testId: 'nav-audit',
  },
];

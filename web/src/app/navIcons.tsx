import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EditOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  IssuesCloseOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/**
 * The icon of each menu item (app/nav.tsx), by path. Apart from the menu's data so that the login page, which
 * loads the routes, does not load the icons; only the layout does.
 */
export const NAV_ICONS: Record<string, ReactNode> = {
  '/dashboard': <DashboardOutlined />,
  '/plan': <FileTextOutlined />,
  '/plan-consistency': <IssuesCloseOutlined />,
  '/data-entry': <EditOutlined />,
  '/registry': <SolutionOutlined />,
  '/policies': <ProfileOutlined />,
  '/claims': <FileDoneOutlined />,
  '/ledger': <AccountBookOutlined />,
  '/projects': <ExperimentOutlined />,
  '/projects/experts': <UsergroupAddOutlined />,
  '/benchmarks': <BarChartOutlined />,
  '/benchmarks/import': <CloudUploadOutlined />,
  '/benchmarks/index': <FundOutlined />,
  '/my': <ShopOutlined />,
  '/reviews': <StarOutlined />,
  '/challenges': <FlagOutlined />,
  '/org-units': <ApartmentOutlined />,
  '/users': <TeamOutlined />,
  '/audit': <AuditOutlined />,
};

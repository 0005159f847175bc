import { createBrowserRouter } from 'react-router';
import { AdminAuditPage } from '../pages/AdminAuditPage.js';
import { AdminUserPage } from '../pages/AdminUserPage.js';
import { AdminUsersPage } from '../pages/AdminUsersPage.js';
import { HomePage } from '../pages/HomePage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { ProfilePage } from '../pages/ProfilePage.js';
import { Layout } from './layout/Layout.js';
import { RequireAuth, RequirePermission } from './RequireAuth.js';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/profile', element: <ProfilePage /> },
          {
            element: <RequirePermission permission="admin:users" />,
            children: [
              { path: '/admin/users', element: <AdminUsersPage /> },
              { path: '/admin/users/:id', element: <AdminUserPage /> },
            ],
          },
          {
            element: <RequirePermission permission="admin:audit" />,
            children: [{ path: '/admin/audit', element: <AdminAuditPage /> }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

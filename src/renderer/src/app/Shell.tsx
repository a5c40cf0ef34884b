import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import ArticleIcon from '@mui/icons-material/Article';
import BoltIcon from '@mui/icons-material/Bolt';
import HomeIcon from '@mui/icons-material/Home';
import InfoIcon from '@mui/icons-material/Info';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/api/procedures/session.procedures';
import { useApiMutation } from '../api/hooks';
import { CenteredProgress } from '../components/CenteredProgress';
import { LanguageToggle } from '../components/LanguageToggle';
import { useActivityHeartbeat } from '../features/auth/useActivityHeartbeat';
import { SyncOutageBanner } from '../features/sync/SyncOutageBanner';
import { SyncStatusChip } from '../features/sync/SyncStatusChip';
import { adminNav, mainNav, mayVisit, visibleTo, type NavItem } from './navigation';
import { navigate, sectionOf, useRoute, type Route } from './routes';

const drawerWidth = 300;

const named = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

// Each section is its own chunk, loaded when first visited.
const pages: Record<Route, React.LazyExoticComponent<() => ReactNode>> = {
  home: named(() => import('../features/home/HomePage'), 'HomePage'),
  complaints: named(() => import('../features/complaints/queue/QueuePage'), 'QueuePage'),
  'complaints/new': named(() => import('../features/complaints/intake/IntakePage'), 'IntakePage'),
  'complaints/case': named(() => import('../features/complaints/case/CasePage'), 'CasePage'),
  'complaints/letter': named(() => import('../features/complaints/case/LetterPage'), 'LetterPage'),
  'complaints/stats': named(() => import('../features/complaints/stats/StatsPage'), 'StatsPage'),
  'complaints/templates': named(
    () => import('../features/complaints/templates/TemplatesPage'),
    'TemplatesPage',
  ),
  'info-requests': named(
    () => import('../features/sections/InfoRequestsSection'),
    'InfoRequestsSection',
  ),
  articles: named(() => import('../features/sections/ArticlesSection'), 'ArticlesSection'),
  slec: named(() => import('../features/sections/SlecSection'), 'SlecSection'),
  'admin/users': named(() => import('../features/admin/UsersPage'), 'UsersPage'),
  'admin/departments': named(() => import('../features/admin/DepartmentsPage'), 'DepartmentsPage'),
  'admin/categories': named(
    () => import('../features/complaints/categories/CategoriesPage'),
    'CategoriesPage',
  ),
  'admin/audit': named(() => import('../features/admin/AuditPage'), 'AuditPage'),
  'admin/settings': named(() => import('../features/admin/SettingsPage'), 'SettingsPage'),
  'sync/rejections': named(() => import('../features/sync/RejectionsPage'), 'RejectionsPage'),
  'sync/conflicts': named(() => import('../features/sync/ConflictsPage'), 'ConflictsPage'),
};

const icons: Partial<Record<Route, ReactNode>> = {
  home: <HomeIcon />,
  complaints: <ReportProblemIcon />,
  'info-requests': <InfoIcon />,
  articles: <ArticleIcon />,
  slec: <BoltIcon />,
};

function NavList({
  items,
  route,
  roles,
}: {
  items: readonly NavItem[];
  route: Route;
  roles: SessionUser['roles'];
}) {
  const { t } = useTranslation();
  return (
    <>
      {items
        .filter((item) => visibleTo(item, roles))
        .map((item) => (
          <ListItemButton
            key={item.route}
            selected={sectionOf(route) === item.route}
            onClick={() => navigate(item.route)}
            data-testid={`nav-${item.route}`}
          >
            <ListItemIcon sx={{ minWidth: 40 }}>
              {icons[item.route] ?? <AdminPanelSettingsIcon />}
            </ListItemIcon>
            <ListItemText primary={t(item.label)} />
          </ListItemButton>
        ))}
    </>
  );
}

/** The app once signed in: header (user, language, sync state), navigation, the current section. */
export function Shell({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const route = useRoute();
  const signOut = useApiMutation('session:signOut');
  const lock = useApiMutation('session:lock');
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  useActivityHeartbeat();
  const Page = mayVisit(route, user.roles) ? pages[route] : pages.home;
  const showAdmin = adminNav.some((item) => visibleTo(item, user.roles));

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}
        data-print="hide"
      >
        <Toolbar sx={{ gap: 1 }}>
          <Typography variant="h3" component="p" sx={{ flexGrow: 1 }}>
            {t('appName')}
            <Typography component="span" variant="body2" sx={{ mx: 1.5, opacity: 0.8 }}>
              {t('appTagline')}
            </Typography>
          </Typography>
          <SyncStatusChip user={user} />
          <LanguageToggle signedIn />
          <Tooltip title={t('header.userMenu')}>
            <IconButton
              color="inherit"
              aria-label={t('header.userMenu')}
              data-testid="user-menu"
              onClick={(e) => setMenuAnchor(e.currentTarget)}
            >
              <AccountCircleIcon />
            </IconButton>
          </Tooltip>
          <Typography variant="body2" data-testid="current-user">
            {user.displayName}
          </Typography>
          <Menu
            anchorEl={menuAnchor}
            open={menuAnchor !== null}
            onClose={() => setMenuAnchor(null)}
          >
            <MenuItem disabled>{user.roles.map((role) => t(`roles.${role}`)).join('، ')}</MenuItem>
            <Divider />
            <MenuItem onClick={() => (setMenuAnchor(null), lock.mutate({}))}>
              {t('header.lock')}
            </MenuItem>
            <MenuItem
              data-testid="sign-out"
              onClick={() => (setMenuAnchor(null), signOut.mutate({}))}
            >
              {t('header.signOut')}
            </MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        data-print="hide"
        sx={{
          width: drawerWidth,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' },
        }}
      >
        <Toolbar />
        <List component="nav" aria-label={t('nav.menu')}>
          <NavList items={mainNav} route={route} roles={user.roles} />
          {showAdmin && (
            <>
              <Divider sx={{ my: 1 }} />
              <ListSubheader>{t('nav.admin')}</ListSubheader>
              <NavList items={adminNav} route={route} roles={user.roles} />
            </>
          )}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar data-print="hide" />
        <Box data-print="hide">
          <SyncOutageBanner />
        </Box>
        <Suspense fallback={<CenteredProgress />}>
          <Page />
        </Suspense>
      </Box>
    </Box>
  );
}
